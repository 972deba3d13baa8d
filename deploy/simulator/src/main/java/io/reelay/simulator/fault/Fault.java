package io.reelay.simulator.fault;

/**
 * What goes wrong. Each provider answers in its own shape; {@link #appliesTo} says which
 * operations a fault makes sense for.
 */
public enum Fault {

	/**
	 * Too many requests, with {@code Retry-After}: 429 (MiniMax: {@code base_resp} 1002
	 * in an HTTP 200 unless a status is given).
	 */
	RATE_LIMIT,

	/** A 5xx answer, 500 unless a status is given (503 for "unavailable"). */
	SERVER_ERROR,

	/** The normal answer, after a delay. */
	SLOW,

	/** The connection is closed without any answer: the client sees an I/O error. */
	RESET,

	/**
	 * The download announces its full length, sends half of it and closes the connection.
	 */
	TRUNCATE,

	/** The job fails (operation {@code GENERATION}). */
	GENERATION_FAILURE,

	/**
	 * The prompt is refused at submission ({@code CREATE}), or the finished job is
	 * withheld on content-policy grounds ({@code GENERATION}).
	 */
	CONTENT_POLICY,

	/** The account is out of credits (submission only). */
	NO_CREDITS,

	/** The call is refused as if the API key were wrong. */
	UNAUTHORIZED;

	public boolean appliesTo(Operation operation) {
		return switch (this) {
			case TRUNCATE -> operation == Operation.DOWNLOAD;
			case GENERATION_FAILURE -> operation == Operation.GENERATION;
			case CONTENT_POLICY -> operation == Operation.CREATE || operation == Operation.GENERATION;
			case NO_CREDITS -> operation == Operation.CREATE;
			default -> operation != Operation.GENERATION;
		};
	}

}
