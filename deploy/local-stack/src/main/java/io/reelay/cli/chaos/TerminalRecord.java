package io.reelay.cli.chaos;

import java.time.Instant;

import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;

/**
 * One terminal event on its topic: {@code stored} or {@code failed}.
 *
 * @param where {@code topic-partition@offset}
 * @param source the CloudEvents source header: which stage published it
 */
record TerminalRecord(String where, Instant timestamp, String source, VideoStored stored, VideoFailed failed) {

	String requestId() {
		return (this.stored != null) ? this.stored.requestId() : this.failed.requestId();
	}

	/** {@code stored} or the failure code. */
	String outcome() {
		return (this.stored != null) ? "stored" : String.valueOf(this.failed.code());
	}

	String describe() {
		String what = (this.stored != null)
				? "stored " + this.stored.uri() + " task " + this.stored.providerTaskId() + " sha256 "
						+ abbreviated(this.stored.sha256())
				: "failed " + this.failed.code() + " (" + this.failed.stage() + "): " + this.failed.message();
		return this.where + " " + this.timestamp + " from " + this.source + ": " + what;
	}

	private static String abbreviated(String sha256) {
		return (sha256 != null && sha256.length() > 12) ? sha256.substring(0, 12) + "…" : sha256;
	}

}
