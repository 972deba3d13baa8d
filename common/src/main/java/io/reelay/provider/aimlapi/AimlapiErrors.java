package io.reelay.provider.aimlapi;

import java.util.ArrayList;
import java.util.List;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.ProviderException;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.ErrorBodies;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.HttpFailures;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AI/ML API's error answers:
 * {@code {"message","path","requestId","statusCode","timestamp"}} with the status as a
 * string. Validation errors may list several messages.
 */
final class AimlapiErrors {

	private final JsonMapper json;

	AimlapiErrors(JsonMapper json) {
		this.json = json;
	}

	/** The failure for a non-2xx answer. */
	ProviderException failure(HttpAnswer answer, CallKind kind) {
		ProviderError error = fromAnswer(answer);
		if (answer.status() == 403 && !HttpFailures.soundsLikeContentPolicy(error)) {
			// AI/ML API answers 403 when the account is out of credits, whatever the
			// message says
			return new ProviderException(FailureCode.INSUFFICIENT_CREDITS,
					"aimlapi says the account has no credits left (HTTP 403: " + error.message() + ")", error);
		}
		return HttpFailures.forStatus("aimlapi", kind, error, answer.headers());
	}

	ProviderError fromAnswer(HttpAnswer answer) {
		return ErrorBodies.read(this.json, answer, (body) -> fromBody(answer, body));
	}

	private static ProviderError fromBody(HttpAnswer answer, JsonNode body) {
		JsonNode error = body.path("error");
		String code = text(body.get("statusCode"));
		if (code == null && error.isObject()) {
			code = text(error.get("name"));
		}
		String message = messages(body.get("message"));
		if (message == null && error.isObject()) {
			message = text(error.get("message"));
		}
		if (message == null) {
			message = error.isString() ? error.asString() : answer.bodyExcerpt();
		}
		return new ProviderError(answer.status(), code, message);
	}

	private static String messages(JsonNode message) {
		if (message == null || !message.isArray()) {
			return text(message);
		}
		List<String> lines = new ArrayList<>();
		message.forEach((line) -> lines.add(line.asString()));
		return String.join("; ", lines);
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

}
