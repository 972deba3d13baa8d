package io.reelay.cli.bench.pipeline;

import io.reelay.event.EventJson;
import io.reelay.event.VideoFailed;

/** The code of a {@code video.failed} record, for the bench's counts. */
final class FailureCodes {

	private FailureCodes() {
	}

	static String of(byte[] value) {
		try {
			VideoFailed failed = EventJson.mapper().readValue(value, VideoFailed.class);
			return String.valueOf(failed.code());
		}
		catch (RuntimeException ex) {
			return "unreadable";
		}
	}

}
