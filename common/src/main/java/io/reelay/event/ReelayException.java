package io.reelay.event;

import java.time.Duration;

/**
 * A failure that knows its {@link FailureCode}, and so whether retrying can help. Stages
 * turn it into a {@link VideoFailed} once they stop retrying; it never kills a listener.
 */
public class ReelayException extends RuntimeException {

	private final FailureCode code;

	private final ProviderError providerError;

	private final Duration retryAfter;

	public ReelayException(FailureCode code, String message, ProviderError providerError, Duration retryAfter,
			Throwable cause) {
		super(message, cause);
		this.code = code;
		this.providerError = providerError;
		this.retryAfter = retryAfter;
	}

	public ReelayException(FailureCode code, String message, Throwable cause) {
		this(code, message, null, null, cause);
	}

	public ReelayException(FailureCode code, String message) {
		this(code, message, null, null, null);
	}

	public FailureCode code() {
		return this.code;
	}

	/** Whether the same step can succeed later (a busy or unreachable service). */
	public boolean retryable() {
		return this.code.retryable();
	}

	/** What the provider itself said, if the failure came from a provider answer. */
	public ProviderError providerError() {
		return this.providerError;
	}

	/** How long the other side asked Reelay to wait before trying again, if it said. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
