package io.reelay.cli.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;

/**
 * What the watch knows of one request. The topics are read side by side, so a request's
 * events may arrive out of order: the stage is the furthest one seen, not the last.
 */
final class RequestRow {

	private final String requestId;

	private String provider;

	private String model;

	private EventType stage;

	private Instant requestedAt;

	private Instant endedAt;

	private String taskId;

	private String outcome;

	RequestRow(String requestId) {
		this.requestId = requestId;
	}

	void apply(PipelineEvent event, Instant recordTime) {
		if (event instanceof VideoRequested requested) {
			seen(requested.provider(), requested.model(), requested.requestedAt(), recordTime);
		}
		else if (event instanceof VideoSubmitted submitted) {
			seen(submitted.provider(), submitted.model(), submitted.requestedAt(), null);
			this.taskId = submitted.providerTaskId();
		}
		else if (event instanceof VideoCompleted completed) {
			seen(completed.provider(), completed.model(), completed.requestedAt(), null);
			this.taskId = completed.providerTaskId();
		}
		else if (event instanceof VideoStored stored) {
			seen(stored.provider(), stored.model(), (stored.timings() != null) ? stored.timings().requestedAt() : null,
					null);
			this.outcome = stored.uri() + String.format(Locale.ROOT, "  %.1f KB", stored.size() / 1024.0);
			this.endedAt = recordTime;
		}
		else if (event instanceof VideoFailed failed) {
			seen(failed.provider(), failed.model(), failed.requestedAt(), null);
			this.outcome = failed.code() + ": " + failed.message();
			this.endedAt = recordTime;
		}
		if (this.stage == null || rank(event.type()) > rank(this.stage)) {
			this.stage = event.type();
		}
		if (this.requestedAt == null) {
			// no event said when it was requested: the first record of it seen is the
			// best
			// guess
			this.requestedAt = recordTime;
		}
	}

	private void seen(String provider, String model, Instant requestedAt, Instant recordTime) {
		if (provider != null) {
			this.provider = provider;
		}
		if (model != null) {
			this.model = model;
		}
		Instant when = (requestedAt != null) ? requestedAt : recordTime;
		if (when != null && (this.requestedAt == null || when.isBefore(this.requestedAt))) {
			this.requestedAt = when;
		}
	}

	private static int rank(EventType type) {
		return switch (type) {
			case REQUESTED -> 0;
			case SUBMITTED -> 1;
			case COMPLETED -> 2;
			case STORED, FAILED -> 3;
		};
	}

	String requestId() {
		return this.requestId;
	}

	String provider() {
		return (this.provider != null) ? this.provider : "?";
	}

	String model() {
		return (this.model != null) ? this.model : "?";
	}

	String stage() {
		return this.stage.name().toLowerCase(Locale.ROOT);
	}

	boolean ended() {
		return this.stage == EventType.STORED || this.stage == EventType.FAILED;
	}

	Instant requestedAt() {
		return this.requestedAt;
	}

	/** Since the request. */
	Duration age(Instant now) {
		return Duration.between(this.requestedAt, now);
	}

	/** From the request to its end; null while it runs. */
	Duration took() {
		return (this.endedAt != null) ? Duration.between(this.requestedAt, this.endedAt) : null;
	}

	/** Where the video is, why it failed, or the provider's task while it runs. */
	String outcome() {
		if (this.outcome != null) {
			return this.outcome;
		}
		return (this.taskId != null) ? "task " + this.taskId : "";
	}

}
