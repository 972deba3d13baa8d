package io.reelay.simulator.aimlapi;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;

/**
 * AI/ML API error bodies: {@code {"message","path","requestId","statusCode","timestamp"}}
 * with the status code as a string; validation errors add the broken rules in
 * {@code meta}.
 */
final class AimlErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		send(call, 401, call.sentAuthorization() ? "Invalid API key" : "Missing API key", null);
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		send(call, (status != 0) ? status : 429, "Too many requests", null);
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		String message = switch (status) {
			case 502 -> "Bad gateway";
			case 503 -> "Service unavailable";
			case 504 -> "Generation timeout";
			default -> "Internal server error";
		};
		send(call, status, message, null);
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		send(call, 403, "You have run out of credits. Please top up your balance to continue", null);
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		send(call, 400, "The prompt was rejected by the content policy", null);
	}

	static void send(ApiCall call, int status, String message, List<Map<String, Object>> issues) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", message);
		body.put("path", call.path());
		body.put("requestId", UUID.randomUUID().toString());
		body.put("statusCode", Integer.toString(status));
		body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
		if (issues != null) {
			body.put("meta", issues);
		}
		call.sendJson(status, body);
	}

}
