package io.reelay.provider.generic;

import io.reelay.event.ProviderError;
import io.reelay.provider.http.HttpAnswer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provider's own error from a generic API answer. Gateways of this shape answer
 * {@code {"error":{"message","type","param","code"}}}; some send a bare string or a
 * top-level {@code message}.
 */
final class GenericErrors {

	private final JsonMapper json;

	GenericErrors(JsonMapper json) {
		this.json = json;
	}

	ProviderError fromAnswer(HttpAnswer answer) {
		JsonNode body;
		try {
			body = this.json.readTree(answer.body());
		}
		catch (JacksonException notJson) {
			return new ProviderError(answer.status(), null, answer.bodyExcerpt());
		}
		ProviderError error = fromNode(answer.status(), body.path("error"));
		if (error.message() == null && body.hasNonNull("message")) {
			return new ProviderError(answer.status(), error.code(), body.get("message").asString());
		}
		return error;
	}

	/** The {@code error} member of a body: an object, a string, or missing. */
	static ProviderError fromNode(Integer httpStatus, JsonNode error) {
		if (error == null || error.isMissingNode() || error.isNull()) {
			return new ProviderError(httpStatus, null, null);
		}
		if (!error.isObject()) {
			return new ProviderError(httpStatus, null, error.asString());
		}
		String code = text(error.get("code"));
		if (code == null) {
			code = text(error.get("type"));
		}
		return new ProviderError(httpStatus, code, text(error.get("message")));
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

}
