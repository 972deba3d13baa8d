package io.reelay.downloader.transfer;

import java.time.Duration;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;

/**
 * Why an attempt at a download failed, and what the next step is: wait and try again, ask
 * the provider for a fresh URL, or give up and fail the request.
 */
public final class DownloadFailure extends ReelayException {

	/** What to do after this failure. */
	public enum Next {

		/** Wait (the server's Retry-After, or the backoff) and try again. */
		RETRY,

		/** The URL expired or was revoked: ask the provider for a fresh one. */
		REFRESH_URL,

		/** Nothing will change by trying again. */
		GIVE_UP

	}

	private final Next next;

	private DownloadFailure(Next next, FailureCode code, String message, Duration retryAfter, Throwable cause) {
		super(code, message, null, retryAfter, cause);
		this.next = next;
	}

	static DownloadFailure retry(String message, Duration retryAfter, Throwable cause) {
		return new DownloadFailure(Next.RETRY, FailureCode.DOWNLOAD_FAILED, message, retryAfter, cause);
	}

	static DownloadFailure refreshUrl(String message) {
		return new DownloadFailure(Next.REFRESH_URL, FailureCode.NOT_FOUND, message, null, null);
	}

	static DownloadFailure giveUp(FailureCode code, String message) {
		return new DownloadFailure(Next.GIVE_UP, code, message, null, null);
	}

	public Next next() {
		return this.next;
	}

	@Override
	public boolean retryable() {
		return this.next == Next.RETRY;
	}

}
