package io.reelay.downloader.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link VideoFetcher} talks to download hosts.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a single read may wait for bytes, so a stalled body fails
 * @param maxRedirects how many redirects one download may follow
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, int maxRedirects) {

	public FetchSettings {
		Objects.requireNonNull(connectTimeout, "connectTimeout");
		Objects.requireNonNull(readTimeout, "readTimeout");
		if (connectTimeout.isNegative() || readTimeout.isNegative() || maxRedirects < 0) {
			throw new IllegalArgumentException("timeouts and maxRedirects cannot be negative");
		}
	}

}
