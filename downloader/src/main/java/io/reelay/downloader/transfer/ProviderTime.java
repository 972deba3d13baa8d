package io.reelay.downloader.transfer;

import java.time.Duration;

/**
 * How long one download waited for its provider: the calls until each answer's status
 * line and headers arrived (the first GET and its redirects, each resume, a fresh URL
 * asked for). The body's transfer into the bucket is Reelay's own work and is not
 * counted, nor are the pauses between attempts. Summed on the download's thread, which
 * makes every call.
 */
public final class ProviderTime {

	private long nanos;

	/** Adds the time since {@code startNanos}, a {@link System#nanoTime()}. */
	void addSince(long startNanos) {
		this.nanos += System.nanoTime() - startNanos;
	}

	public Duration total() {
		return Duration.ofNanos(this.nanos);
	}

}
