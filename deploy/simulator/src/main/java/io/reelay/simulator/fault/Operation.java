package io.reelay.simulator.fault;

/** The kind of call a fault rule applies to, the same words for every provider. */
public enum Operation {

	/** Submitting a job. */
	CREATE,

	/**
	 * Asking for a job's status (MiniMax's query, the job lists of tchavi and OpenAI
	 * too).
	 */
	STATUS,

	/** MiniMax's file retrieve, which hands out the download URL. */
	RETRIEVE,

	/** Fetching the video: the signed file URLs, and OpenAI's {@code /content}. */
	DOWNLOAD,

	/**
	 * The outcome of the jobs created while the rule is active (no call is answered
	 * differently; the job fails later).
	 */
	GENERATION

}
