package io.reelay.provider.generic;

import java.util.Locale;
import java.util.Set;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.HttpFailures;
import io.reelay.provider.http.OpenAiStyleErrors;

/**
 * The generic API's status words in Reelay's terms. Gateways of this shape use several
 * vocabularies; a word not listed here keeps the job running until its deadline.
 */
final class GenericStatuses {

	private static final Set<String> SUCCEEDED = Set.of("completed", "succeeded", "success", "done");

	private static final Set<String> FAILED = Set.of("failed", "failure", "error", "cancelled", "canceled", "rejected",
			"expired");

	private GenericStatuses() {
	}

	static TaskStatus of(GenericTask task) {
		String word = (task.status() != null) ? task.status().toLowerCase(Locale.ROOT) : "";
		if (SUCCEEDED.contains(word) && task.videoUrl() != null && !task.videoUrl().isBlank()) {
			return new TaskStatus.Succeeded(task.status(), new DownloadLocation(task.videoUrl(), null), null);
		}
		if (FAILED.contains(word)) {
			ProviderError error = OpenAiStyleErrors.fromNode(null, task.error());
			FailureCode code = HttpFailures.soundsLikeContentPolicy(error) ? FailureCode.CONTENT_POLICY
					: FailureCode.GENERATION_FAILED;
			String reason = (error.message() != null) ? error.message() : "no reason given";
			return new TaskStatus.Failed(task.status(), code, "generic could not generate the video: " + reason, error);
		}
		// also "completed" without a video_url yet: some gateways publish the URL a
		// moment later
		return new TaskStatus.Running(task.status(), task.progress());
	}

}
