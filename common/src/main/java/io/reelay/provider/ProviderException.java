package io.reelay.provider;

import java.time.Duration;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.ReelayException;

/** A provider call that did not give an answer Reelay can use. */
public class ProviderException extends ReelayException {

	public ProviderException(FailureCode code, String message, ProviderError providerError, Duration retryAfter,
			Throwable cause) {
		super(code, message, providerError, retryAfter, cause);
	}

	public ProviderException(FailureCode code, String message, ProviderError providerError) {
		this(code, message, providerError, null, null);
	}

	public ProviderException(FailureCode code, String message) {
		this(code, message, null, null, null);
	}

}
