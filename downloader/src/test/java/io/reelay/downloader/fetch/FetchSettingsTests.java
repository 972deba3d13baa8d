package io.reelay.downloader.fetch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class FetchSettingsTests {

	@Test
	void refusesNegativeOrMissingSettings() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FetchSettings(Duration.ofSeconds(-1), Duration.ofSeconds(30), 5));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), -1));
		assertThatNullPointerException().isThrownBy(() -> new FetchSettings(Duration.ofSeconds(10), null, 5));
	}

}
