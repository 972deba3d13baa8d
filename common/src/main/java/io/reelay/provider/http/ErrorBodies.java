package io.reelay.provider.http;

import java.util.function.Function;

import io.reelay.event.ProviderError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the provider's own error from a non-2xx answer. Every API sends its errors as a
 * JSON object of its own shape; anything else (a proxy's HTML page, an empty body) is
 * kept as an excerpt, so the failure still shows what came back.
 */
public final class ErrorBodies {

	private ErrorBodies() {
	}

	/**
	 * @param fromObject reads the error from the body, a JSON object, in the provider's
	 * shape
	 */
	public static ProviderError read(JsonMapper json, HttpAnswer answer, Function<JsonNode, ProviderError> fromObject) {
		JsonNode body;
		try {
			body = json.readTree(answer.body());
		}
		catch (JacksonException notJson) {
			return new ProviderError(answer.status(), null, answer.bodyExcerpt());
		}
		if (body == null || !body.isObject()) {
			return new ProviderError(answer.status(), null, answer.bodyExcerpt());
		}
		return fromObject.apply(body);
	}

}
