package io.reelay.downloader;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DownloadPoolTests {

	private static final int MB = 1024 * 1024;

	@Test
	void warnsWhenTheDownloadsUploadPartsWouldTakeMoreThanHalfTheHeap() {
		// 4 downloads x 2 parts x 16 MB = 128 MB
		assertThat(DownloadPool.warnIfBuffersCrowdTheHeap(4, 16 * MB, 128L * MB)).isTrue();
		assertThat(DownloadPool.warnIfBuffersCrowdTheHeap(4, 16 * MB, 256L * MB)).isFalse();
		assertThat(DownloadPool.warnIfBuffersCrowdTheHeap(1, 16 * MB, 128L * MB)).isFalse();
	}

	@Test
	void startsNoMoreDownloadsThanItHasThreadsUntilOneEnds() throws Exception {
		DownloadPool pool = new DownloadPool(2);
		CountDownLatch release = new CountDownLatch(1);
		Runnable held = () -> {
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		try {
			assertThat(pool.tryStart(held)).isNotNull();
			assertThat(pool.tryStart(held)).isNotNull();

			assertThat(pool.full()).isTrue();
			assertThat(pool.tryStart(held)).isNull();

			release.countDown();
			await().until(() -> !pool.full());
			Future<?> next = pool.tryStart(() -> {
			});
			assertThat(next).isNotNull();
			next.get(10, TimeUnit.SECONDS);
		}
		finally {
			pool.close(Duration.ofSeconds(5));
		}
	}

}
