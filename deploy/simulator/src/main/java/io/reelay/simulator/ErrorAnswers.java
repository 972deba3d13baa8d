package io.reelay.simulator;

import java.io.IOException;

/**
 * How one provider says no, in its own status codes and body shape. Faults and prompt
 * markers use these, so every provider misbehaves in its own way.
 */
public interface ErrorAnswers {

	/**
	 * No API key, or the wrong one ({@link ApiCall#sentAuthorization()} tells which).
	 */
	void unauthorized(ApiCall call) throws IOException;

	/**
	 * Too many requests; {@code Retry-After} is set already.
	 * @param status the HTTP status a fault rule asks for, 0 for the provider's usual
	 */
	void rateLimited(ApiCall call, int status) throws IOException;

	/** A server error with this status (500, 502, 503, 504, ...). */
	void serverError(ApiCall call, int status) throws IOException;

	/** The account is out of credits. */
	void noCredits(ApiCall call) throws IOException;

	/** The prompt is refused at submission on content-policy grounds. */
	void contentRejected(ApiCall call) throws IOException;

}
