package io.reelay.simulator.minimax;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * MiniMax's rules for a video request, each broken rule worded like its 2013 messages and
 * naming the field.
 */
final class MinimaxValidation {

	static final List<String> MODELS = List.of("T2V-01", "T2V-01-Director", "I2V-01", "I2V-01-Director", "I2V-01-live",
			"S2V-01", "MiniMax-Hailuo-02");

	static final String HAILUO_02 = "MiniMax-Hailuo-02";

	static final int MAX_PROMPT = 2000;

	/** Frame sizes by resolution, as reported in {@code video_width/height}. */
	static final Map<String, int[]> FRAME_SIZES = Map.of("512P", new int[] { 912, 512 }, "720P",
			new int[] { 1280, 720 }, "768P", new int[] { 1366, 768 }, "1080P", new int[] { 1920, 1080 });

	private MinimaxValidation() {
	}

	/** The first broken rule, or empty. */
	static Optional<String> problemWith(JsonNode body) {
		JsonNode model = body.path("model");
		if (!model.isString() || !MODELS.contains(model.asString())) {
			return Optional.of("model: must be one of " + MODELS);
		}
		String name = model.asString();
		JsonNode prompt = body.get("prompt");
		boolean fromImage = name.startsWith("I2V") || (name.equals(HAILUO_02) && body.has("first_frame_image"));
		if (prompt == null && !fromImage) {
			return Optional.of("prompt: required for " + name);
		}
		if (prompt != null && !prompt.isString()) {
			return Optional.of("prompt: must be a string");
		}
		if (prompt != null && prompt.asString().length() > MAX_PROMPT) {
			return Optional.of("prompt: at most " + MAX_PROMPT + " characters, got " + prompt.asString().length());
		}
		if (body.has("prompt_optimizer") && !body.get("prompt_optimizer").isBoolean()) {
			return Optional.of("prompt_optimizer: must be a boolean");
		}
		if (name.startsWith("I2V") && !body.has("first_frame_image")) {
			return Optional.of("first_frame_image: required for " + name);
		}
		for (String image : List.of("first_frame_image", "last_frame_image")) {
			if (body.has(image) && !isImage(body.get(image))) {
				return Optional.of(image + ": must be an image URL or a data: URL");
			}
		}
		Optional<String> subject = subjectProblem(name, body.get("subject_reference"));
		if (subject.isPresent()) {
			return subject;
		}
		return shapeProblem(name, body);
	}

	static String resolutionOf(JsonNode body) {
		JsonNode resolution = body.path("resolution");
		if (resolution.isString()) {
			return resolution.asString();
		}
		return defaultResolutionOf(body.path("model").asString());
	}

	static String defaultResolutionOf(String model) {
		return HAILUO_02.equals(model) ? "768P" : "720P";
	}

	private static Optional<String> subjectProblem(String model, JsonNode subject) {
		if (subject == null) {
			return model.equals("S2V-01") ? Optional.of("subject_reference: required for S2V-01") : Optional.empty();
		}
		if (!subject.isArray() || subject.isEmpty()) {
			return Optional.of("subject_reference: must be a non-empty array");
		}
		for (JsonNode reference : subject) {
			JsonNode images = reference.path("image");
			if (!images.isArray() || images.isEmpty() || !isImage(images.get(0))) {
				return Optional.of("subject_reference: each entry needs an image array of URLs");
			}
		}
		return Optional.empty();
	}

	private static Optional<String> shapeProblem(String model, JsonNode body) {
		boolean hailuo = model.equals(HAILUO_02);
		JsonNode duration = body.get("duration");
		if (duration != null && (!duration.isIntegralNumber()
				|| !(hailuo ? List.of(6, 10) : List.of(6)).contains(duration.asInt()))) {
			return Optional.of("duration: " + model + " makes " + (hailuo ? "6 or 10" : "6") + " second videos");
		}
		JsonNode resolution = body.get("resolution");
		List<String> resolutions = hailuo ? List.of("512P", "768P", "1080P") : List.of("720P");
		if (resolution != null && (!resolution.isString() || !resolutions.contains(resolution.asString()))) {
			return Optional.of("resolution: " + model + " supports " + resolutions);
		}
		if (resolution != null && resolution.asString().equals("1080P") && duration != null && duration.asInt() == 10) {
			return Optional.of("resolution: 1080P supports 6 second videos only");
		}
		if (body.has("callback_url") && !body.get("callback_url").isString()) {
			return Optional.of("callback_url: must be a string");
		}
		return Optional.empty();
	}

	private static boolean isImage(JsonNode value) {
		if (value == null || !value.isString()) {
			return false;
		}
		String text = value.asString();
		return text.startsWith("http://") || text.startsWith("https://") || text.startsWith("data:image/");
	}

}
