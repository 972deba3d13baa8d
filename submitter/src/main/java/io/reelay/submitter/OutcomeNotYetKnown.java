package io.reelay.submitter;

import java.time.Duration;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;

/**
 * A create call whose outcome cannot be checked yet, because the call may still be on its
 * way: the record is tried again once it surely is not.
 */
class OutcomeNotYetKnown extends ReelayException {

	OutcomeNotYetKnown(String message, Duration wait, Throwable cause) {
		super(FailureCode.SUBMISSION_OUTCOME_UNKNOWN, message, null, wait, cause);
	}

	@Override
	public boolean retryable() {
		return true;
	}

}
