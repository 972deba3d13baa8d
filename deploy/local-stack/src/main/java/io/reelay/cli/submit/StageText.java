package io.reelay.cli.submit;

import java.util.Locale;

import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;

/** What an event says about a request's progress, in a few words. */
final class StageText {

	private StageText() {
	}

	/** {@code submitted}, {@code completed}, {@code stored}, {@code failed}. */
	static String stage(PipelineEvent event) {
		return event.type().name().toLowerCase(Locale.ROOT);
	}

	/** The one thing to know about this step. */
	static String detail(PipelineEvent event) {
		if (event instanceof VideoSubmitted submitted) {
			return submitted.provider() + " " + submitted.model() + ", task " + submitted.providerTaskId();
		}
		if (event instanceof VideoCompleted completed) {
			return completed.provider() + " finished the video";
		}
		if (event instanceof VideoStored stored) {
			return stored.uri() + "  " + Sizes.kilobytes(stored.size());
		}
		if (event instanceof VideoFailed failed) {
			return failed.code() + ": " + failed.message();
		}
		return "";
	}

	/** How many of the three steps after publishing the event stands for. */
	static int step(PipelineEvent event) {
		return switch (event.type()) {
			case REQUESTED -> 0;
			case SUBMITTED -> 1;
			case COMPLETED -> 2;
			case STORED -> 3;
			case FAILED -> -1;
		};
	}

}
