package io.reelay.storage;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ObjectKeysTests {

	@Test
	void buildsTheDefaultKeyFromTheRequestDayInUtc() {
		assertThat(new ObjectKeys(ObjectKeys.DEFAULT_TEMPLATE).keyFor("req-1", "generic",
				Instant.parse("2026-01-02T23:59:59Z")))
			.isEqualTo("videos/2026/01/02/req-1.mp4");
	}

	@Test
	void fillsInTheProvider() {
		assertThat(new ObjectKeys("{provider}/{requestId}.mp4").keyFor("r", "generic", Instant.EPOCH))
			.isEqualTo("generic/r.mp4");
	}

	@Test
	void refusesATemplateThatWouldPutTwoRequestsUnderOneKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ObjectKeys("videos/{yyyy}/video.mp4"))
			.withMessageContaining("{requestId}");
	}

	@Test
	void refusesAnUnknownPlaceholder() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ObjectKeys("{requestId}/{hour}.mp4"))
			.withMessageContaining("{hour}");
	}

}
