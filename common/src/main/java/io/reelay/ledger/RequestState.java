package io.reelay.ledger;

/**
 * Where a request stands, as far as the stage that owns a ledger knows. Each stage writes
 * only the states it decides.
 */
public enum RequestState {

	/**
	 * The submitter is about to send the create call, or sent it and has not recorded the
	 * answer: if this is the last word, the outcome is unknown.
	 */
	CALLING,

	/** The provider created the job; its task id is known. */
	SUBMITTED,

	/** The poller saw the job finish and handed it to the downloader. */
	COMPLETED,

	/** The downloader stored the video and published {@code video.stored}. */
	STORED,

	/** The stage published the request's {@code video.failed}. */
	FAILED;

	/** Whether the stage that wrote it is done with the request. */
	public boolean isFinal() {
		return this != CALLING;
	}

}
