package io.reelay.provider.minimax;

import java.util.ArrayList;
import java.util.List;

import io.reelay.event.VideoRequested;

/** The rules that depend on the model: inputs, duration, resolution, camera tags. */
final class MinimaxModelRules {

	private static final String FIRST_FRAME_MODELS = "I2V-01, I2V-01-Director, I2V-01-live or MiniMax-Hailuo-02";

	private MinimaxModelRules() {
	}

	static List<String> problems(MinimaxModel model, VideoRequested request) {
		List<String> problems = new ArrayList<>();
		String name = model.id();
		if (model.input() == MinimaxModel.Input.FIRST_FRAME && request.image() == null) {
			problems.add("image: required by " + name + ", which animates a first frame");
		}
		if (request.image() != null && model.input() == MinimaxModel.Input.SUBJECT) {
			problems.add("image: " + name + " takes no first frame; send its character in referenceImages");
		}
		else if (request.image() != null && !model.takesFirstFrame()) {
			problems.add("image: " + name + " is text-to-video and takes no first frame; use " + FIRST_FRAME_MODELS);
		}
		if (request.lastFrameImage() != null && request.image() == null) {
			problems.add("lastFrameImage: needs image, the first frame");
		}
		int references = request.referenceImages().size();
		if (model.input() == MinimaxModel.Input.SUBJECT && references != 1) {
			problems.add("referenceImages: " + name + " takes exactly one character image, not " + references);
		}
		else if (model.input() != MinimaxModel.Input.SUBJECT && references > 0) {
			problems.add("referenceImages: " + name + " takes no reference images; only S2V-01 does (one character)");
		}
		String resolution = MinimaxRequestRules.resolution(request.resolution());
		boolean knownResolution = resolution == null || model.resolutions().contains(resolution);
		if (!knownResolution) {
			problems.add("resolution: '" + request.resolution() + "', " + name + " takes "
					+ String.join(" or ", model.resolutions()));
		}
		if (request.duration() != null) {
			List<Integer> durations = knownResolution && resolution != null ? model.durationsAt(resolution)
					: model.durations();
			if (!durations.contains(request.duration())) {
				String at = (durations.size() < model.durations().size()) ? " at " + resolution : "";
				problems.add("duration: " + request.duration() + " seconds, " + name + at + " makes clips of "
						+ String.join(" or ", durations.stream().map(String::valueOf).toList()) + " seconds");
			}
		}
		if (model.director() && request.prompt() != null) {
			problems.addAll(MinimaxCameraTags.problems(request.prompt(), name));
		}
		return problems;
	}

}
