package io.reelay.metrics;

import java.time.Duration;

/** Where the HTTP calls to providers are counted and timed. */
public interface ProviderCallRecorder {

	/**
	 * One HTTP call ended.
	 * @param status the answer's HTTP status as text ({@code "200"}, {@code "429"}), or
	 * {@value ReelayMeters#IO_ERROR} when there was none
	 * @param time from sending the request to the answer's status line and headers
	 */
	void providerCall(String provider, ProviderCall call, String status, Duration time);

}
