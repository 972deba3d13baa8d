package io.reelay.downloader.transfer;

import java.time.Duration;

/** How a download waits between tries: a real sleep, or none in tests. */
@FunctionalInterface
public interface Waits {

	Waits SLEEP = (duration) -> {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DownloadAbandoned(ex);
		}
	};

	void pause(Duration duration);

}
