package io.reelay.provider.http;

import io.reelay.event.ProviderError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provider's own error from answers shaped like OpenAI's,
 * {@code {"error":{"message","type","param","code"}}}, which many video APIs copy in part
 * (tchavi's {@code {"error":{"code","message"}}}). Some gateways send a bare string as
 * the error, or only a top-level {@code message} and {@code code}; a body that is not
 * JSON is kept as an excerpt.
 */
public final class OpenAiStyleErrors {

	private OpenAiStyleErrors() {
	}

	/** The error in a non-2xx answer, its HTTP status included. */
	public static ProviderError fromAnswer(JsonMapper json, HttpAnswer answer) {
		return ErrorBodies.read(json, answer, (body) -> fromBody(answer.status(), body));
	}

	/**
	 * The {@code error} member of a body or of a failed job: an object, a string, or
	 * missing. {@code code} falls back to {@code type}, which OpenAI always sends.
	 */
	public static ProviderError fromNode(Integer httpStatus, JsonNode error) {
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

	private static ProviderError fromBody(int httpStatus, JsonNode body) {
		ProviderError error = fromNode(httpStatus, body.get("error"));
		String code = (error.code() != null) ? error.code() : text(body.get("code"));
		String message = (error.message() != null) ? error.message() : text(body.get("message"));
		return new ProviderError(httpStatus, code, message);
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
			return null;
		}
		String text = node.asString();
		return text.isBlank() ? null : text;
	}

}
