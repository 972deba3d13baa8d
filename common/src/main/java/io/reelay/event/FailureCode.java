package io.reelay.event;

/**
 * Why a request failed, in a small fixed set that callers can branch on.
 * {@code retryable} says whether the failed step can succeed if tried again; a terminal
 * {@link VideoFailed} is only published once Reelay has given up retrying.
 */
public enum FailureCode {

	/**
	 * The request itself is wrong (missing or invalid field, unknown provider, bad
	 * record).
	 */
	INVALID_REQUEST(false),

	/** The provider refused Reelay's API key. */
	AUTHENTICATION(false),

	/** The provider account has no credits or balance left. */
	INSUFFICIENT_CREDITS(false),

	/** The provider refused the prompt, the image or the output on content grounds. */
	CONTENT_POLICY(false),

	/** The provider asked Reelay to slow down. */
	RATE_LIMITED(true),

	/** The provider could not be reached or answered with a server error. */
	PROVIDER_UNAVAILABLE(true),

	/**
	 * A create call may or may not have reached the provider; Reelay does not pay twice
	 * to find out.
	 */
	SUBMISSION_OUTCOME_UNKNOWN(false),

	/** The provider accepted the job but could not generate the video. */
	GENERATION_FAILED(false),

	/** The provider does not know the job (or the file) any more. */
	NOT_FOUND(false),

	/** The request's deadline passed before the video was stored. */
	TIMEOUT(false),

	/** The finished video could not be downloaded from the provider. */
	DOWNLOAD_FAILED(true),

	/** What the provider served is not an MP4 video. */
	INVALID_CONTENT(false),

	/**
	 * The download URL points where Reelay refuses to connect: a scheme other than http
	 * or https, or an internal address (loopback, private, link-local, cloud metadata).
	 */
	UNSAFE_URL(false),

	/** The video could not be written to Reelay's bucket. */
	STORAGE_FAILED(true),

	/** A fault inside Reelay; the record is kept on the stage's dead-letter topic. */
	INTERNAL(false);

	private final boolean retryable;

	FailureCode(boolean retryable) {
		this.retryable = retryable;
	}

	public boolean retryable() {
		return this.retryable;
	}

}
