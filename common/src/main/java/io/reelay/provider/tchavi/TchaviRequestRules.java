package io.reelay.provider.tchavi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;

/**
 * What tchavi's video generation document allows, checked before anything is paid for.
 * Fields tchavi has no parameter for are refused rather than dropped, so nobody pays for
 * a video that ignored them.
 */
final class TchaviRequestRules {

	static final List<String> MODELS = List.of("seedance-2", "kling-v3");

	static final List<String> RESOLUTIONS = List.of("480p", "720p");

	static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "adaptive");

	/** {@code duration: -1} lets the model choose; it is billed as 10 seconds. */
	static final int AUTO_DURATION = -1;

	static final int MAX_DURATION = 15;

	static final int MAX_REFERENCE_IMAGES = 9;

	static final int MAX_REFERENCE_VIDEOS = 3;

	static final int MAX_REFERENCE_AUDIOS = 3;

	/** Body fields Reelay fills from request fields, and the request field for each. */
	static final Map<String, String> MAPPED = Map.ofEntries(Map.entry("model", "model"), Map.entry("prompt", "prompt"),
			Map.entry("duration", "duration"), Map.entry("resolution", "resolution"),
			Map.entry("aspect_ratio", "aspectRatio"), Map.entry("generate_audio", "generateAudio"),
			Map.entry("seed", "seed"), Map.entry("image_url", "image"),
			Map.entry("last_frame_image_url", "lastFrameImage"), Map.entry("reference_images", "referenceImages"),
			Map.entry("reference_videos", "referenceVideos"), Map.entry("reference_audios", "referenceAudios"));

	private TchaviRequestRules() {
	}

	static List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		if (request.model() == null || request.model().isBlank()) {
			problems.add("model: required by tchavi, one of " + String.join(", ", MODELS));
		}
		else if (!MODELS.contains(request.model())) {
			problems.add("model: '" + request.model() + "' is not a tchavi model; it takes " + or(MODELS));
		}
		if (request.prompt() == null || request.prompt().isBlank()) {
			problems.add("prompt: required by tchavi");
		}
		Integer duration = request.duration();
		if (duration != null && duration != AUTO_DURATION && (duration < 1 || duration > MAX_DURATION)) {
			problems.add("duration: " + duration + " seconds, tchavi takes 1 to " + MAX_DURATION
					+ " or -1 (auto, billed as 10 seconds)");
		}
		if (request.resolution() != null && !RESOLUTIONS.contains(request.resolution())) {
			problems.add("resolution: '" + request.resolution() + "', tchavi takes " + or(RESOLUTIONS));
		}
		if (request.aspectRatio() != null && !ASPECT_RATIOS.contains(request.aspectRatio())) {
			problems.add("aspectRatio: '" + request.aspectRatio() + "', tchavi takes " + or(ASPECT_RATIOS));
		}
		media(request, problems);
		unsupported(request, problems);
		for (String option : request.providerOptions().keySet()) {
			if (MAPPED.containsKey(option)) {
				problems.add("providerOptions." + option + ": set it as the request field '" + MAPPED.get(option)
						+ "' instead");
			}
		}
		return problems;
	}

	private static void media(VideoRequested request, List<String> problems) {
		if (request.lastFrameImage() != null && request.image() == null) {
			problems.add("lastFrameImage: tchavi needs image (the first frame) with it");
		}
		int images = request.referenceImages().size();
		if (images > MAX_REFERENCE_IMAGES) {
			problems.add("referenceImages: " + images + " images, tchavi takes at most " + MAX_REFERENCE_IMAGES);
		}
		if (images > 0 && request.image() != null) {
			problems.add("referenceImages: tchavi takes either image (first frame) or referenceImages, not both");
		}
		int videos = request.referenceVideos().size();
		if (videos > MAX_REFERENCE_VIDEOS) {
			problems.add("referenceVideos: " + videos + " videos, tchavi takes at most " + MAX_REFERENCE_VIDEOS
					+ " (together at most 15 seconds)");
		}
		int audios = request.referenceAudios().size();
		if (audios > MAX_REFERENCE_AUDIOS) {
			problems.add("referenceAudios: " + audios + " audios, tchavi takes at most " + MAX_REFERENCE_AUDIOS);
		}
		if (audios > 0 && request.image() == null && images == 0) {
			problems.add("referenceAudios: tchavi needs image or referenceImages with them");
		}
	}

	private static void unsupported(VideoRequested request, List<String> problems) {
		if (request.fps() != null) {
			problems.add("fps: not supported by tchavi (it chooses the frame rate); leave it out");
		}
		if (request.negativePrompt() != null) {
			problems.add("negativePrompt: not supported by tchavi; say what to avoid in the prompt instead");
		}
		if (request.enhancePrompt() != null) {
			problems.add("enhancePrompt: not supported by tchavi (it has no prompt rewriting switch); leave it out");
		}
	}

	private static String or(List<String> values) {
		return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
	}

}
