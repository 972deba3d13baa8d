package io.reelay.simulator.openai;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.reelay.simulator.openai.OpenAiErrors.Problem;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's checks in the order it makes them: the body must decode into its Go
 * struct (string fields stay strings), then its own rules, then what the upstream model
 * refuses ({@code generateAudio}, a short clip at 1080p or 4k).
 */
final class OpenAiValidation {

	private static final List<String> STRING_FIELDS = List.of("model", "prompt", "duration", "seconds", "size");

	private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png", "image/webp");

	private OpenAiValidation() {
	}

	/** The first problem, or empty. */
	static Optional<Problem> problemWith(OpenAiRequest request) {
		Optional<Problem> undecodable = decodingProblem(request.body());
		if (undecodable.isPresent()) {
			return undecodable;
		}
		String model = request.model();
		if (model.isEmpty()) {
			return Optional.of(Problem.invalid("model", "missing_required_parameter", "model is required"));
		}
		if (!OpenAiRequest.VEO_MODELS.contains(model) && !request.sora()) {
			return Optional
				.of(Problem.invalid("model", "model_not_found", "model '" + model + "' is not available; use one of "
						+ OpenAiRequest.VEO_MODELS + " or " + OpenAiRequest.SORA_MODELS));
		}
		if (request.prompt().filter((prompt) -> !prompt.isBlank()).isEmpty()) {
			return Optional.of(Problem.invalid("prompt", "missing_required_parameter", "prompt is required"));
		}
		Optional<Problem> reference = referenceProblem(request.files());
		if (reference.isPresent()) {
			return reference;
		}
		if (mentions(request.body(), "generateAudio")) {
			return Optional.of(Problem.upstream("generateAudio",
					"generateAudio isn't supported by this model; describe the audio in the prompt instead"));
		}
		return request.sora() ? soraProblem(request) : veoProblem(request);
	}

	private static Optional<Problem> decodingProblem(JsonNode body) {
		for (String field : STRING_FIELDS) {
			JsonNode value = body.get(field);
			if (value != null && !value.isString() && !value.isNull()) {
				return Optional.of(unmarshal(value, field, "string"));
			}
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isObject() && !metadata.isNull()) {
			return Optional.of(unmarshal(metadata, "metadata", "map[string]interface {}"));
		}
		return Optional.empty();
	}

	private static Problem unmarshal(JsonNode value, String field, String goType) {
		String jsonType = value.isNumber() ? "number"
				: value.isBoolean() ? "bool" : value.isArray() ? "array" : value.isObject() ? "object" : "string";
		return Problem.invalid(null, "parse_request_failed", "parse_request_failed: cannot unmarshal " + jsonType
				+ " into Go struct field VideoRequest." + field + " of type " + goType);
	}

	private static Optional<Problem> referenceProblem(List<Multipart.Part> files) {
		for (Multipart.Part file : files) {
			if (!file.name().equals("input_reference")) {
				return Optional.of(Problem.invalid(file.name(), "unknown_parameter",
						"unexpected file field '" + file.name() + "'; send the image as input_reference"));
			}
			if (file.contentType() == null || !IMAGE_TYPES.contains(file.contentType().toLowerCase(Locale.ROOT))) {
				return Optional.of(Problem.invalid("input_reference", "invalid_value",
						"input_reference must be one of " + IMAGE_TYPES + ", got " + file.contentType()));
			}
		}
		if (files.size() > 1) {
			return Optional.of(Problem.invalid("input_reference", "invalid_value", "only one input_reference"));
		}
		return Optional.empty();
	}

	private static Optional<Problem> veoProblem(OpenAiRequest request) {
		JsonNode size = request.body().get("size");
		if (size != null
				&& OpenAiRequest.VEO_SIZES.values().stream().noneMatch((sizes) -> sizes.contains(size.asString()))) {
			return Optional.of(Problem.invalid("size", "invalid_value", "size must be one of "
					+ OpenAiRequest.VEO_SIZES.values().stream().flatMap(List::stream).sorted().toList()));
		}
		if (!OpenAiRequest.VEO_SIZES.containsKey(request.resolution())) {
			return Optional.of(Problem.invalid("metadata.resolution", "invalid_value",
					"metadata.resolution must be one of 720p, 1080p, 4k"));
		}
		JsonNode aspectRatio = request.body().path("metadata").get("aspectRatio");
		if (aspectRatio != null && !List.of("16:9", "9:16").contains(aspectRatio.asString(""))) {
			return Optional.of(Problem.invalid("metadata.aspectRatio", "invalid_value",
					"metadata.aspectRatio must be 16:9 or 9:16"));
		}
		if (!List.of("4", "6", "8").contains(request.seconds())) {
			return Optional.of(Problem.invalid("duration", "invalid_value", "duration must be \"4\", \"6\" or \"8\""));
		}
		if (!request.resolution().equals("720p") && !request.seconds().equals("8")) {
			return Optional.of(Problem.upstream("duration",
					request.resolution() + " requires a duration of \"8\" seconds, got \"" + request.seconds() + "\""));
		}
		return Optional.empty();
	}

	private static Optional<Problem> soraProblem(OpenAiRequest request) {
		if (!OpenAiRequest.SORA_SIZES.contains(request.size())) {
			return Optional
				.of(Problem.invalid("size", "invalid_value", "size must be one of " + OpenAiRequest.SORA_SIZES));
		}
		if (!List.of("4", "8", "12").contains(request.seconds())) {
			return Optional.of(Problem.invalid("seconds", "invalid_value", "seconds must be \"4\", \"8\" or \"12\""));
		}
		return Optional.empty();
	}

	/** Whether a field of this name occurs anywhere in the body. */
	private static boolean mentions(JsonNode node, String field) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				if (property.getKey().equals(field) || mentions(property.getValue(), field)) {
					return true;
				}
			}
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				if (mentions(item, field)) {
					return true;
				}
			}
		}
		return false;
	}

}
