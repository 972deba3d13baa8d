package io.reelay.simulator.openai;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.OpenAiStyleErrors;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.VideoStreams;
import io.reelay.simulator.fault.Operation;

/**
 * {@code GET /v1/videos/{id}/content}: the MP4 itself, behind the API key. Like the
 * gateway, it answers 400 for a while after the job completed (the content delay), and
 * 404 once the video expired.
 */
final class OpenAiContent {

	private final Simulation simulation;

	private final OpenAiVideos videos;

	OpenAiContent(Simulation simulation, OpenAiVideos videos) {
		this.simulation = simulation;
		this.videos = videos;
	}

	void serve(ApiCall call, String id) throws IOException {
		Optional<SimulatedTask> found = this.videos.find(id);
		if (!call.admitAbout(Operation.DOWNLOAD, found, id)) {
			return;
		}
		if (found.isEmpty()) {
			OpenAiApi.notFound(call, id);
			return;
		}
		String variant = call.query("variant").orElse("video");
		if (!variant.equals("video")) {
			boolean known = List.of("thumbnail", "spritesheet").contains(variant);
			OpenAiStyleErrors.send(call, 400,
					known ? "variant '" + variant + "' is not available on this gateway"
							: "variant must be one of video, thumbnail, spritesheet",
					"invalid_request_error", "variant", known ? "unsupported_variant" : "invalid_value");
			return;
		}
		SimulatedTask task = found.get();
		Instant now = this.simulation.now();
		if (task.stateAt(now) != SimulatedTask.State.SUCCEEDED) {
			boolean failed = task.stateAt(now) == SimulatedTask.State.FAILED;
			OpenAiStyleErrors.send(call, 400,
					failed ? "Video generation failed; there is no content"
							: "Video is not ready yet; poll until it is completed",
					"invalid_request_error", null, failed ? "video_failed" : "video_not_ready");
			return;
		}
		if (now.isBefore(task.finishedAt().plus(this.simulation.settings().contentDelay()))) {
			OpenAiStyleErrors.send(call, 400, "Video content is not available yet, please retry in a few seconds",
					"invalid_request_error", null, "content_not_ready");
			return;
		}
		if (now.isAfter(this.videos.expiresAt(task))) {
			OpenAiStyleErrors.send(call, 404, "Video content has expired", "invalid_request_error", null,
					"video_expired");
			return;
		}
		VideoStreams.send(call, task);
	}

}
