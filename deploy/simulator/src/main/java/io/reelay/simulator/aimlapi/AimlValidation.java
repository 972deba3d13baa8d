package io.reelay.simulator.aimlapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI schema of {@code video-01}, checked by hand: every broken rule, each as a
 * schema-validator issue naming its field.
 */
final class AimlValidation {

	static final String MODEL = "video-01";

	static final int MAX_PROMPT = 2000;

	private AimlValidation() {
	}

	/** Every broken rule; empty when the body is valid. */
	static List<Map<String, Object>> issuesWith(JsonNode body) {
		List<Map<String, Object>> issues = new ArrayList<>();
		if (body == null || !body.isObject()) {
			issues.add(issue("", "invalid_type", "Expected object"));
			return issues;
		}
		JsonNode model = body.get("model");
		if (model == null) {
			issues.add(issue("model", "invalid_type", "Required"));
		}
		else if (!model.isString() || !model.asString().equals(MODEL)) {
			issues.add(issue("model", "invalid_enum_value",
					"Invalid enum value. Expected '" + MODEL + "', received '" + model + "'"));
		}
		JsonNode prompt = body.get("prompt");
		if (prompt == null) {
			issues.add(issue("prompt", "invalid_type", "Required"));
		}
		else if (!prompt.isString()) {
			issues.add(issue("prompt", "invalid_type", "Expected string, received " + typeOf(prompt)));
		}
		else if (prompt.asString().length() > MAX_PROMPT) {
			issues.add(issue("prompt", "too_big", "String must contain at most " + MAX_PROMPT + " character(s)"));
		}
		JsonNode imageUrl = body.get("image_url");
		if (imageUrl != null && !imageUrl.isString()) {
			issues.add(issue("image_url", "invalid_type", "Expected string, received " + typeOf(imageUrl)));
		}
		JsonNode enhance = body.get("enhance_prompt");
		if (enhance != null && !enhance.isBoolean()) {
			issues.add(issue("enhance_prompt", "invalid_type", "Expected boolean, received " + typeOf(enhance)));
		}
		return issues;
	}

	private static Map<String, Object> issue(String field, String code, String message) {
		Map<String, Object> issue = new LinkedHashMap<>();
		issue.put("code", code);
		issue.put("path", field.isEmpty() ? List.of() : List.of(field));
		issue.put("message", message);
		return issue;
	}

	private static String typeOf(JsonNode value) {
		return value.getNodeType().name().toLowerCase(Locale.ROOT);
	}

}
