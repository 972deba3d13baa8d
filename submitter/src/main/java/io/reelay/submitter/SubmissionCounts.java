package io.reelay.submitter;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoFailed;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestState;
import io.reelay.metrics.StageMetrics;
import io.reelay.metrics.SubmissionOutcome;

/**
 * Counts a committed {@link Outcome} as a submission when it is the end of a create call:
 * accepted (a job), unknown (a call whose answer was lost) or refused (the provider
 * answered no, at once or after the retries). An invalid request, refused before any
 * call, and a copy of a request answered from the ledger are no submissions.
 */
final class SubmissionCounts {

	private SubmissionCounts() {
	}

	static void count(Outcome outcome, StageMetrics metrics) {
		LedgerEntry entry = outcome.entry();
		if (entry == null) {
			return;
		}
		if (entry.state() == RequestState.SUBMITTED) {
			metrics.submission(entry.provider(), SubmissionOutcome.ACCEPTED);
			return;
		}
		VideoFailed failed = outcome.records()
			.stream()
			.filter((record) -> record.value() instanceof VideoFailed)
			.map((record) -> (VideoFailed) record.value())
			.findFirst()
			.orElse(null);
		if (failed == null) {
			return;
		}
		if (failed.code() == FailureCode.SUBMISSION_OUTCOME_UNKNOWN) {
			metrics.submission(failed.provider(), SubmissionOutcome.UNKNOWN);
		}
		else if (entry.callStartedAt() != null || failed.providerError() != null) {
			metrics.submission(failed.provider(), SubmissionOutcome.REFUSED);
		}
	}

}
