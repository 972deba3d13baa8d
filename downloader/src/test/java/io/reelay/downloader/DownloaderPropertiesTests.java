package io.reelay.downloader;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DownloaderPropertiesTests {

	@Test
	void refusesAMaximumSizeS3CannotCopyInOneRequest() {
		assertThatIllegalArgumentException().isThrownBy(() -> withMaxSize(DataSize.ofGigabytes(6)))
			.withMessageContaining("at most 5GB");
		assertThatNoException().isThrownBy(() -> withMaxSize(DataSize.ofGigabytes(5)));
	}

	@Test
	void refusesAPresignedUrlLifetimeS3DoesNotAllow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DownloaderProperties.Presign(true, Duration.ofDays(8)))
			.withMessageContaining("at most 7 days");
		assertThatIllegalArgumentException().isThrownBy(() -> new DownloaderProperties.Presign(true, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> withConcurrency(0));
	}

	private static DownloaderProperties withMaxSize(DataSize maxSize) {
		return new DownloaderProperties(1, Duration.ofSeconds(1), Duration.ofSeconds(1), maxSize, 5, List.of(), null,
				null, null);
	}

	private static DownloaderProperties withConcurrency(int maxConcurrent) {
		return new DownloaderProperties(maxConcurrent, Duration.ofSeconds(1), Duration.ofSeconds(1),
				DataSize.ofGigabytes(1), 5, List.of(), null, null, null);
	}

}
