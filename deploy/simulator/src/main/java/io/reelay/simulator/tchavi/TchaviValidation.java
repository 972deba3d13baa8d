package io.reelay.simulator.tchavi;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** tchavi's rules for a video request; each broken rule names its field. */
final class TchaviValidation {

	static final List<String> MODELS = List.of("seedance-2", "kling-v3");

	static final List<String> RESOLUTIONS = List.of("480p", "720p");

	static final List<String> ASPECT_RATIOS = List.of("16:9", "9:16", "1:1", "4:3", "3:4", "adaptive");

	private TchaviValidation() {
	}

	/** The first broken rule, or empty. */
	static Optional<String> problemWith(JsonNode body) {
		JsonNode model = body.path("model");
		if (!model.isString() || !MODELS.contains(model.asString())) {
			return Optional.of("model must be one of " + MODELS);
		}
		JsonNode prompt = body.path("prompt");
		if (!prompt.isString() || prompt.asString().isBlank()) {
			return Optional.of("prompt is required");
		}
		JsonNode duration = body.get("duration");
		if (duration != null && (!duration.isIntegralNumber() || !validDuration(duration.asInt()))) {
			return Optional.of("duration must be an integer from 1 to 15, or -1 for auto");
		}
		if (!oneOf(body.get("resolution"), RESOLUTIONS)) {
			return Optional.of("resolution must be one of " + RESOLUTIONS);
		}
		if (!oneOf(body.get("aspect_ratio"), ASPECT_RATIOS)) {
			return Optional.of("aspect_ratio must be one of " + ASPECT_RATIOS);
		}
		if (body.has("generate_audio") && !body.get("generate_audio").isBoolean()) {
			return Optional.of("generate_audio must be a boolean");
		}
		if (body.has("seed") && !body.get("seed").isIntegralNumber()) {
			return Optional.of("seed must be an integer");
		}
		for (String url : List.of("image_url", "last_frame_image_url")) {
			if (body.has(url) && !body.get(url).isString()) {
				return Optional.of(url + " must be a URL string");
			}
		}
		return referenceProblem(body);
	}

	private static Optional<String> referenceProblem(JsonNode body) {
		boolean image = body.has("image_url");
		if (body.has("last_frame_image_url") && !image) {
			return Optional.of("last_frame_image_url requires image_url");
		}
		for (String list : List.of("reference_images", "reference_videos", "reference_audios")) {
			if (body.has(list) && !isUrlList(body.get(list))) {
				return Optional.of(list + " must be an array of URL strings");
			}
		}
		if (body.path("reference_images").size() > 9) {
			return Optional.of("reference_images accepts at most 9 URLs");
		}
		if (body.has("reference_images") && image) {
			return Optional.of("reference_images cannot be combined with image_url");
		}
		if (body.path("reference_videos").size() > 3) {
			return Optional.of("reference_videos accepts at most 3 URLs");
		}
		if (body.path("reference_audios").size() > 3) {
			return Optional.of("reference_audios accepts at most 3 URLs");
		}
		if (body.has("reference_audios") && !image && !body.has("reference_images")) {
			return Optional.of("reference_audios requires image_url or reference_images");
		}
		return Optional.empty();
	}

	private static boolean validDuration(int seconds) {
		return seconds == TchaviOrder.AUTO || (seconds >= 1 && seconds <= 15);
	}

	private static boolean oneOf(JsonNode value, List<String> allowed) {
		return value == null || (value.isString() && allowed.contains(value.asString()));
	}

	private static boolean isUrlList(JsonNode value) {
		if (!value.isArray()) {
			return false;
		}
		for (JsonNode item : value) {
			if (!item.isString()) {
				return false;
			}
		}
		return true;
	}

}
