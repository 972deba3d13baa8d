package io.reelay.provider.aimlapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.ImageRules;
import io.reelay.media.MediaReference;

/**
 * What AI/ML API's {@code video-01} schema takes: model, prompt, a first frame and
 * whether to enhance the prompt. Every other unified field is refused with what to do
 * instead, never dropped.
 */
final class AimlapiRequestRules {

	static final ImageRules IMAGE_RULES = ImageRules.hailuoFrames("video-01");

	static final String MODEL = "video-01";

	static final int MAX_PROMPT_LENGTH = 2000;

	/** Body fields Reelay fills from request fields, by the request field to use. */
	private static final Map<String, String> MAPPED = Map.of("model", "model", "prompt", "prompt", "image_url", "image",
			"enhance_prompt", "enhancePrompt");

	private static final String FIXED = " video-01 has no such parameter: its clips have a fixed length and size";

	private AimlapiRequestRules() {
	}

	static List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (!MODEL.equals(request.model())) {
			problems.add("model: '" + request.model() + "', the aimlapi adapter drives " + MODEL
					+ " only (other AI/ML API video models take other parameters)");
		}
		if (request.prompt() == null || request.prompt().isBlank()) {
			problems.add("prompt: required by aimlapi");
		}
		else if (request.prompt().length() > MAX_PROMPT_LENGTH) {
			problems.add("prompt: " + request.prompt().length() + " characters, at most " + MAX_PROMPT_LENGTH);
		}
		MediaReference.tryParse(request.image())
			.filter(MediaReference.Inline.class::isInstance)
			.map(MediaReference.Inline.class::cast)
			.ifPresent((image) -> problems.addAll(IMAGE_RULES.problems("image", image)));
		problems.addAll(unsupported(request));
		request.providerOptions()
			.keySet()
			.stream()
			.filter(MAPPED::containsKey)
			.sorted()
			.forEach((option) -> problems.add("providerOptions." + option + ": set it as the request field '"
					+ MAPPED.get(option) + "' instead"));
		return problems;
	}

	private static List<String> unsupported(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (request.duration() != null) {
			problems.add("duration:" + FIXED + "; leave it out");
		}
		if (request.resolution() != null) {
			problems.add("resolution:" + FIXED + "; leave it out");
		}
		if (request.fps() != null) {
			problems.add("fps: video-01 chooses the frame rate itself; leave it out");
		}
		if (request.aspectRatio() != null) {
			problems.add("aspectRatio: video-01 takes no aspect ratio; leave it out"
					+ " (with a first frame, the image's shape decides)");
		}
		if (request.seed() != null) {
			problems.add("seed: video-01 takes no seed; leave it out");
		}
		if (request.negativePrompt() != null) {
			problems.add("negativePrompt: video-01 takes no negative prompt; say what to avoid in the prompt");
		}
		if (request.lastFrameImage() != null) {
			problems.add("lastFrameImage: video-01 takes a first frame only (image); leave it out");
		}
		if (!request.referenceImages().isEmpty()) {
			problems.add("referenceImages: video-01 takes no reference images; send a first frame as image");
		}
		if (!request.referenceVideos().isEmpty()) {
			problems.add("referenceVideos: video-01 takes no reference videos");
		}
		if (!request.referenceAudios().isEmpty()) {
			problems.add("referenceAudios: video-01 takes no reference audio");
		}
		if (request.generateAudio() != null) {
			problems.add("generateAudio: video-01 has no soundtrack option; leave it out");
		}
		return problems;
	}

}
