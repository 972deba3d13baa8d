package io.reelay.provider.minimax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.reelay.event.VideoRequested;
import io.reelay.media.ImageRules;
import io.reelay.media.MediaReference;

/**
 * What MiniMax takes, model by model, checked before anything is paid for. Unified fields
 * its API has no place for are refused with what to do instead, never dropped.
 */
final class MinimaxRequestRules {

	static final int MAX_PROMPT_LENGTH = 2000;

	static final ImageRules IMAGE_RULES = ImageRules.hailuoFrames("MiniMax");

	/** Body fields Reelay fills from request fields, by the request field to use. */
	private static final Map<String, String> MAPPED = Map.of("model", "model", "prompt", "prompt", "prompt_optimizer",
			"enhancePrompt", "duration", "duration", "resolution", "resolution", "first_frame_image", "image",
			"last_frame_image", "lastFrameImage", "subject_reference", "referenceImages");

	private MinimaxRequestRules() {
	}

	static List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (request.prompt() == null || request.prompt().isBlank()) {
			problems.add("prompt: required by minimax");
		}
		else if (request.prompt().length() > MAX_PROMPT_LENGTH) {
			problems.add("prompt: " + request.prompt().length() + " characters, at most " + MAX_PROMPT_LENGTH);
		}
		Optional<MinimaxModel> model = MinimaxModel.of(request.model());
		if (model.isEmpty()) {
			problems.add("model: '" + request.model() + "' is not a MiniMax video model; use one of "
					+ String.join(", ", MinimaxModel.ids()));
		}
		else {
			problems.addAll(MinimaxModelRules.problems(model.get(), request));
		}
		problems.addAll(imageProblems(request));
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

	/**
	 * MiniMax spells resolutions with a capital P ({@code 720P}); Reelay accepts both.
	 */
	static String resolution(String resolution) {
		return (resolution != null) ? resolution.strip().toUpperCase(Locale.ROOT) : null;
	}

	private static List<String> imageProblems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		inline(request.image()).ifPresent((image) -> problems.addAll(IMAGE_RULES.problems("image", image)));
		inline(request.lastFrameImage())
			.ifPresent((image) -> problems.addAll(IMAGE_RULES.problems("lastFrameImage", image)));
		for (int i = 0; i < request.referenceImages().size(); i++) {
			String field = "referenceImages[" + i + "]";
			inline(request.referenceImages().get(i))
				.ifPresent((image) -> problems.addAll(IMAGE_RULES.problems(field, image)));
		}
		return problems;
	}

	/**
	 * Only {@code data:} URLs are checked here: bucket objects are checked once read at
	 * submission, and unreadable references are reported by the submitter.
	 */
	private static Optional<MediaReference.Inline> inline(String reference) {
		return MediaReference.tryParse(reference)
			.filter(MediaReference.Inline.class::isInstance)
			.map(MediaReference.Inline.class::cast);
	}

	private static List<String> unsupported(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (request.fps() != null) {
			problems.add("fps: MiniMax chooses the frame rate itself; leave it out");
		}
		if (request.aspectRatio() != null) {
			problems.add("aspectRatio: MiniMax takes no aspect ratio; leave it out"
					+ " (with a first frame, the image's shape decides)");
		}
		if (request.seed() != null) {
			problems.add("seed: MiniMax takes no seed; leave it out");
		}
		if (request.negativePrompt() != null) {
			problems.add("negativePrompt: MiniMax takes no negative prompt; say what to avoid in the prompt");
		}
		if (!request.referenceVideos().isEmpty()) {
			problems.add("referenceVideos: MiniMax takes no reference videos");
		}
		if (!request.referenceAudios().isEmpty()) {
			problems.add("referenceAudios: MiniMax takes no reference audio");
		}
		if (request.generateAudio() != null) {
			problems.add("generateAudio: MiniMax has no soundtrack option; leave it out");
		}
		return problems;
	}

}
