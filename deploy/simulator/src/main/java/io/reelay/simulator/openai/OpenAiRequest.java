package io.reelay.simulator.openai;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Exchanges;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A video request as the gateway reads it, from JSON or from {@code multipart/form-data}
 * (every field a string there, {@code metadata} as JSON text, images as file parts), and
 * the duration, resolution and size it comes to by the documented precedence.
 */
record OpenAiRequest(JsonNode body, List<Multipart.Part> files) {

	static final List<String> VEO_MODELS = List.of("veo-3.1-fast-generate-preview", "veo-3.1-generate-preview");

	static final List<String> SORA_MODELS = List.of("sora-2", "sora-2-pro");

	/** Frame sizes by resolution; the first of each is the landscape default. */
	static final Map<String, List<String>> VEO_SIZES = Map.of("720p", List.of("1280x720", "720x1280"), "1080p",
			List.of("1920x1080", "1080x1920"), "4k", List.of("3840x2160", "2160x3840"));

	static final List<String> SORA_SIZES = List.of("720x1280", "1280x720", "1024x1792", "1792x1024");

	/** The request, or empty when the body cannot be read at all. */
	static Optional<OpenAiRequest> read(ApiCall call) {
		if (call.mediaType().equals("multipart/form-data")) {
			try {
				return Optional.of(fromParts(Multipart.parse(call.header("Content-Type").orElse(""), call.body())));
			}
			catch (IllegalArgumentException malformed) {
				return Optional.empty();
			}
		}
		return call.jsonObject().map((body) -> new OpenAiRequest(body, List.of()));
	}

	private static OpenAiRequest fromParts(List<Multipart.Part> parts) {
		ObjectNode body = Exchanges.json().createObjectNode();
		for (Multipart.Part part : parts) {
			if (!part.isFile()) {
				body.set(part.name(),
						part.name().equals("metadata") ? jsonOrText(part.text()) : body.stringNode(part.text()));
			}
		}
		return new OpenAiRequest(body, parts.stream().filter(Multipart.Part::isFile).toList());
	}

	private static JsonNode jsonOrText(String text) {
		try {
			return Exchanges.json().readTree(text);
		}
		catch (JacksonException notJson) {
			return Exchanges.json().createObjectNode().stringNode(text);
		}
	}

	String model() {
		return this.body.path("model").asString("");
	}

	Optional<String> prompt() {
		JsonNode prompt = this.body.path("prompt");
		return prompt.isString() ? Optional.of(prompt.asString()) : Optional.empty();
	}

	boolean sora() {
		return SORA_MODELS.contains(model());
	}

	/** {@code metadata.durationSeconds} over {@code duration} over {@code seconds}. */
	String seconds() {
		JsonNode fromMetadata = this.body.path("metadata").path("durationSeconds");
		if (fromMetadata.isNumber() || fromMetadata.isString()) {
			return fromMetadata.asString();
		}
		for (String field : List.of("duration", "seconds")) {
			if (this.body.path(field).isString()) {
				return this.body.path(field).asString();
			}
		}
		return sora() ? "4" : "8";
	}

	/**
	 * {@code metadata.resolution} over the resolution of {@code size}, 720p by default.
	 */
	String resolution() {
		JsonNode fromMetadata = this.body.path("metadata").path("resolution");
		if (fromMetadata.isString()) {
			return fromMetadata.asString();
		}
		String size = this.body.path("size").asString("");
		return VEO_SIZES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contains(size))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse("720p");
	}

	String size() {
		JsonNode size = this.body.path("size");
		if (size.isString()) {
			return size.asString();
		}
		if (sora()) {
			return SORA_SIZES.get(0);
		}
		boolean portrait = "9:16".equals(this.body.path("metadata").path("aspectRatio").asString(""));
		List<String> sizes = VEO_SIZES.getOrDefault(resolution(), VEO_SIZES.get("720p"));
		return sizes.get(portrait ? 1 : 0);
	}

}
