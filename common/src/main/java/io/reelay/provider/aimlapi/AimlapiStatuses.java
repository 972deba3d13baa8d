package io.reelay.provider.aimlapi;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.HttpFailures;
import tools.jackson.databind.JsonNode;

/**
 * AI/ML API's statuses in Reelay's terms: {@code queued} and {@code generating} run,
 * {@code completed} succeeds, {@code error} fails; any other word keeps the job running
 * until its deadline. Credits are charged when the job is created, so the usage goes with
 * failures too.
 */
final class AimlapiStatuses {

	private AimlapiStatuses() {
	}

	static TaskStatus of(AimlapiGeneration generation) {
		String status = (generation.status() != null) ? generation.status() : "";
		Usage usage = usage(generation);
		if (status.equals("completed") && generation.video() != null && generation.video().url() != null
				&& !generation.video().url().isBlank()) {
			// AI/ML API does not say how long it serves the URL
			return new TaskStatus.Succeeded(status, new DownloadLocation(generation.video().url(), null), usage);
		}
		if (status.equals("error")) {
			ProviderError error = error(generation.error());
			FailureCode code = HttpFailures.soundsLikeContentPolicy(error) ? FailureCode.CONTENT_POLICY
					: FailureCode.GENERATION_FAILED;
			String reason = (error.message() != null) ? error.message() : "no reason given";
			String what = (code == FailureCode.CONTENT_POLICY) ? "aimlapi refused the content: "
					: "aimlapi could not generate the video: ";
			return new TaskStatus.Failed(status, code, what + reason, error, usage);
		}
		// also "completed" without a video URL yet
		return new TaskStatus.Running(generation.status(), null);
	}

	private static Usage usage(AimlapiGeneration generation) {
		if (generation.meta() == null || generation.meta().usage() == null
				|| generation.meta().usage().credits() == null) {
			return null;
		}
		return Usage.reportedCredits(generation.meta().usage().credits());
	}

	/** The documented {@code {name, message}}, or whatever else the poll put there. */
	private static ProviderError error(JsonNode error) {
		if (error == null || error.isNull() || error.isMissingNode()) {
			return new ProviderError(null, null, null);
		}
		if (!error.isObject()) {
			return new ProviderError(null, null, error.asString());
		}
		return new ProviderError(null, text(error.get("name")), text(error.get("message")));
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
