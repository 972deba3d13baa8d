package io.reelay.downloader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownloaderConfigurationTests {

	private static final int MB = 1024 * 1024;

	@Test
	void warnsWhenTheDownloadsUploadPartsWouldTakeMoreThanHalfTheHeap() {
		// 4 downloads x 2 parts x 16 MB = 128 MB
		assertThat(DownloaderConfiguration.warnIfBuffersCrowdTheHeap(4, 16 * MB, 128L * MB)).isTrue();
		assertThat(DownloaderConfiguration.warnIfBuffersCrowdTheHeap(4, 16 * MB, 256L * MB)).isFalse();
		assertThat(DownloaderConfiguration.warnIfBuffersCrowdTheHeap(1, 16 * MB, 128L * MB)).isFalse();
	}

}
