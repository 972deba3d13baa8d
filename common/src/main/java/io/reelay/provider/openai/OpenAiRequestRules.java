package io.reelay.provider.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaReference;

/**
 * What the OpenAI-compatible Videos API takes, per model, checked before anything is paid
 * for. Fields it has no parameter for are refused rather than dropped.
 */
final class OpenAiRequestRules {

	static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16");

	/** The formats APIYI's image-to-video page and OpenAI accept for input_reference. */
	static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/jpg", "image/png", "image/webp");

	/**
	 * No limit is documented for Veo (APIYI advises under 10 MB for Sora): 20 MB as for
	 * the other providers, and the API refuses larger files without charging.
	 */
	static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;

	static final String NO_GENERATE_AUDIO = "openai rejects generateAudio (INVALID_ARGUMENT): describe the audio in the prompt";

	/** Body fields Reelay fills itself, and the request fields to set instead. */
	private static final Map<String, String> MAPPED = Map.of("model", "field 'model'", "prompt", "field 'prompt'",
			"duration", "field 'duration'", "seconds", "field 'duration'", "size",
			"fields 'resolution' and 'aspectRatio'", "metadata",
			"fields 'resolution', 'aspectRatio', 'seed' and 'negativePrompt'", "input_reference", "field 'image'");

	private OpenAiRequestRules() {
	}

	static List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		Optional<OpenAiModel> model = OpenAiModel.of(request.model());
		if (request.model() == null || request.model().isBlank()) {
			problems.add("model: required by openai, one of " + String.join(", ", OpenAiModel.ids()));
		}
		else if (model.isEmpty()) {
			problems.add("model: '" + request.model() + "' is not an openai video model Reelay knows; it takes "
					+ String.join(", ", OpenAiModel.ids()));
		}
		if (request.prompt() == null || request.prompt().isBlank()) {
			problems.add("prompt: required by openai");
		}
		model.ifPresent((known) -> modelRules(known, request, problems));
		if (request.aspectRatio() != null && !ASPECT_RATIOS.contains(request.aspectRatio())) {
			problems.add("aspectRatio: '" + request.aspectRatio() + "', openai takes 16:9 or 9:16");
		}
		if (request.image() != null) {
			MediaReference.tryParse(request.image()).ifPresent((image) -> image(image, problems));
		}
		unsupported(request, problems);
		for (String option : request.providerOptions().keySet()) {
			if (option.equals("generateAudio")) {
				problems.add("providerOptions.generateAudio: " + NO_GENERATE_AUDIO);
			}
			else if (MAPPED.containsKey(option)) {
				problems.add("providerOptions." + option + ": set the request " + MAPPED.get(option) + " instead");
			}
		}
		return problems;
	}

	private static void modelRules(OpenAiModel model, VideoRequested request, List<String> problems) {
		Integer duration = request.duration();
		if (duration != null && !model.durations().contains(duration)) {
			problems.add("duration: " + duration + " seconds, " + model.id() + " takes " + or(model.durations()));
		}
		String resolution = request.resolution();
		if (resolution != null && !model.resolutions().contains(resolution)) {
			problems.add("resolution: '" + resolution + "', " + model.id() + " takes " + or(model.resolutions()));
		}
		if (model.dialect() == OpenAiModel.Dialect.VEO && resolution != null
				&& OpenAiModel.EIGHT_SECONDS_ONLY.contains(resolution) && duration != null && duration != 8
				&& model.durations().contains(duration)) {
			problems.add("duration: " + duration + " seconds at " + resolution + ", " + model.id()
					+ " makes only 8-second videos at 1080p and 4k");
		}
		if (model.dialect() == OpenAiModel.Dialect.SORA) {
			String fields = " (OpenAI's Videos API takes model, prompt, seconds, size and one image)";
			if (request.seed() != null) {
				problems.add("seed: not supported by " + model.id() + fields + "; leave it out");
			}
			if (request.negativePrompt() != null) {
				problems.add("negativePrompt: not supported by " + model.id() + fields
						+ "; say what to avoid in the prompt instead");
			}
		}
		else if (request.image() != null) {
			// the image goes in a multipart form, which has no metadata object for these
			String form = " with an image (the image-to-video form takes model, prompt, seconds, size and the image)";
			if (request.seed() != null) {
				problems.add("seed: not supported by openai" + form + "; leave it out or send no image");
			}
			if (request.negativePrompt() != null) {
				problems.add(
						"negativePrompt: not supported by openai" + form + "; say what to avoid in the prompt instead");
			}
		}
	}

	private static void image(MediaReference image, List<String> problems) {
		if (image instanceof MediaReference.Web) {
			problems.add("image: " + image.describe() + " is a web URL, and openai takes the file itself: send it as a"
					+ " data: URL or an s3:// URI (Reelay does not fetch URLs on a requester's behalf)");
		}
		else if (image instanceof MediaReference.Inline inline) {
			if (!IMAGE_TYPES.contains(inline.mediaType())) {
				problems.add("image: " + inline.describe() + ", openai takes JPEG, PNG or WebP images");
			}
			if (inline.bytes().length > MAX_IMAGE_BYTES) {
				problems.add("image: " + inline.bytes().length + " bytes, openai takes at most " + MAX_IMAGE_BYTES);
			}
		}
	}

	private static void unsupported(VideoRequested request, List<String> problems) {
		if (request.generateAudio() != null) {
			problems.add("generateAudio: " + NO_GENERATE_AUDIO);
		}
		if (request.fps() != null) {
			problems.add("fps: not supported by openai (it chooses the frame rate); leave it out");
		}
		String oneImage = " not supported by openai's Videos API, which takes one first-frame image as 'image';"
				+ " leave it out";
		if (request.lastFrameImage() != null) {
			problems.add("lastFrameImage:" + oneImage);
		}
		if (!request.referenceImages().isEmpty()) {
			problems.add("referenceImages:" + oneImage);
		}
		if (!request.referenceVideos().isEmpty()) {
			problems.add("referenceVideos:" + oneImage);
		}
		if (!request.referenceAudios().isEmpty()) {
			problems.add("referenceAudios:" + oneImage);
		}
		if (request.enhancePrompt() != null) {
			problems.add("enhancePrompt: not supported by openai (it has no prompt rewriting switch); leave it out");
		}
	}

	private static String or(List<?> values) {
		List<String> words = values.stream().map(String::valueOf).toList();
		return (words.size() == 1) ? words.get(0)
				: String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
	}

}
