package io.reelay.downloader.guard;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;

/**
 * A URL Reelay refuses to connect to. Never retried: the same URL leads to the same
 * place. Messages name at most {@code scheme://host:port}, never a path, query or user
 * info, because signed download URLs carry secrets there.
 */
public final class UnsafeDestinationException extends ReelayException {

	public UnsafeDestinationException(String message) {
		super(FailureCode.UNSAFE_URL, message);
	}

}
