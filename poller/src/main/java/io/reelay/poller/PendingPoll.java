package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.event.VideoSubmitted;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A job waiting for its next status check, as a record on a poll-delay topic: the job
 * itself is the value, what the poller knows of its checks so far travels in headers, so
 * no poller keeps anything about a job in memory between two checks.
 *
 * @param checksDone status calls made so far
 * @param due when the next check is due
 * @param plannedAt when this wait was planned: the last check, or when the job arrived
 * @param progress the latest progress the provider reported, or null
 * @param previousProgress the progress reported at the check before, or null
 * @param errors transient failures of the status call in a row
 * @param lastStatus the provider's status word at the last check, or its last error
 */
record PendingPoll(VideoSubmitted job, int checksDone, Instant due, Instant plannedAt, Integer progress,
		Integer previousProgress, int errors, String lastStatus) {

	/** The number of the check this record leads to, from 1: kept for operators. */
	static final String ATTEMPT_HEADER = "reelay_poll_attempt";

	static final String DUE_HEADER = "reelay_poll_due";

	static final String PLANNED_AT_HEADER = "reelay_poll_planned_at";

	static final String PROGRESS_HEADER = "reelay_poll_progress";

	static final String PREVIOUS_PROGRESS_HEADER = "reelay_poll_previous_progress";

	static final String ERRORS_HEADER = "reelay_poll_errors";

	static final String LAST_STATUS_HEADER = "reelay_poll_last_status";

	static final String CLOUD_EVENT_TYPE = "io.reelay.poll.scheduled";

	Map<String, String> headers() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ATTEMPT_HEADER, Integer.toString(this.checksDone + 1));
		headers.put(DUE_HEADER, Long.toString(this.due.toEpochMilli()));
		headers.put(PLANNED_AT_HEADER, Long.toString(this.plannedAt.toEpochMilli()));
		if (this.progress != null) {
			headers.put(PROGRESS_HEADER, this.progress.toString());
		}
		if (this.previousProgress != null) {
			headers.put(PREVIOUS_PROGRESS_HEADER, this.previousProgress.toString());
		}
		headers.put(ERRORS_HEADER, Integer.toString(this.errors));
		if (this.lastStatus != null) {
			headers.put(LAST_STATUS_HEADER, this.lastStatus);
		}
		return headers;
	}

	/**
	 * Reads a pending poll back; a record without the headers (written by an older
	 * poller) is due at once.
	 */
	static PendingPoll read(VideoSubmitted job, Headers headers, Instant now) {
		Long due = number(headers, DUE_HEADER);
		Long plannedAt = number(headers, PLANNED_AT_HEADER);
		Long attempt = number(headers, ATTEMPT_HEADER);
		Long progress = number(headers, PROGRESS_HEADER);
		Long previous = number(headers, PREVIOUS_PROGRESS_HEADER);
		Long errors = number(headers, ERRORS_HEADER);
		return new PendingPoll(job, (attempt != null) ? Math.max(0, attempt.intValue() - 1) : 0,
				(due != null) ? Instant.ofEpochMilli(due) : now,
				(plannedAt != null) ? Instant.ofEpochMilli(plannedAt) : now,
				(progress != null) ? progress.intValue() : null, (previous != null) ? previous.intValue() : null,
				(errors != null) ? errors.intValue() : 0, text(headers, LAST_STATUS_HEADER));
	}

	/** When the record's check is due, or null when it does not say. */
	static Instant dueOf(Headers headers) {
		Long due = number(headers, DUE_HEADER);
		return (due != null) ? Instant.ofEpochMilli(due) : null;
	}

	private static Long number(Headers headers, String name) {
		String text = text(headers, name);
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
