package io.reelay.kafka;

/**
 * A record no retry can make usable (e.g. an event without a request id). It goes
 * straight to the topic's dead-letter topic.
 */
public class UnusableRecordException extends RuntimeException {

	public UnusableRecordException(String message) {
		super(message);
	}

	public UnusableRecordException(String message, Throwable cause) {
		super(message, cause);
	}

}
