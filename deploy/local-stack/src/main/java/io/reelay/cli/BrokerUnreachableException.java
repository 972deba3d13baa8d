package io.reelay.cli;

/**
 * The broker did not answer in time, refused the client, or holds none of Reelay's
 * topics: nothing was published.
 */
public final class BrokerUnreachableException extends RuntimeException {

	public BrokerUnreachableException(String message) {
		super(message);
	}

}
