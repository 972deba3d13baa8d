package io.reelay.provider.generic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.reelay.event.VideoRequested;

/**
 * What the generic API document allows: model, prompt, duration, resolution and fps.
 * Other unified fields are refused rather than dropped, so nobody pays for a video that
 * ignored them.
 */
final class GenericRequestRules {

	static final int MAX_PROMPT_LENGTH = 2000;

	private static final Set<String> MAPPED = Set.of("model", "prompt", "duration", "resolution", "fps");

	private GenericRequestRules() {
	}

	static List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (request.prompt() == null || request.prompt().isBlank()) {
			problems.add("prompt: required by generic");
		}
		else if (request.prompt().length() > MAX_PROMPT_LENGTH) {
			problems.add("prompt: " + request.prompt().length() + " characters, at most " + MAX_PROMPT_LENGTH);
		}
		if (request.duration() != null && request.duration() < 1) {
			problems.add("duration: " + request.duration() + " seconds, must be at least 1");
		}
		if (request.fps() != null && request.fps() < 1) {
			problems.add("fps: " + request.fps() + ", must be at least 1");
		}
		if (request.resolution() != null && request.resolution().isBlank()) {
			problems.add("resolution: must not be blank");
		}
		for (String field : unsupported(request)) {
			problems.add(field + ": not supported by generic (its API takes model, prompt, duration, resolution, fps;"
					+ " send gateway-specific fields in providerOptions)");
		}
		for (String option : request.providerOptions().keySet()) {
			if (MAPPED.contains(option)) {
				problems.add("providerOptions." + option + ": set it as the request field '" + option + "' instead");
			}
		}
		return problems;
	}

	private static List<String> unsupported(VideoRequested request) {
		List<String> fields = new ArrayList<>();
		if (request.aspectRatio() != null) {
			fields.add("aspectRatio");
		}
		if (request.seed() != null) {
			fields.add("seed");
		}
		if (request.negativePrompt() != null) {
			fields.add("negativePrompt");
		}
		if (request.image() != null) {
			fields.add("image");
		}
		if (request.lastFrameImage() != null) {
			fields.add("lastFrameImage");
		}
		if (!request.referenceImages().isEmpty()) {
			fields.add("referenceImages");
		}
		if (!request.referenceVideos().isEmpty()) {
			fields.add("referenceVideos");
		}
		if (!request.referenceAudios().isEmpty()) {
			fields.add("referenceAudios");
		}
		if (request.generateAudio() != null) {
			fields.add("generateAudio");
		}
		if (request.enhancePrompt() != null) {
			fields.add("enhancePrompt");
		}
		return fields;
	}

}
