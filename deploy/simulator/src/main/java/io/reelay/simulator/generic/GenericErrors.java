package io.reelay.simulator.generic;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;

/** OpenAI-style error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class GenericErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		send(call, 401, "Invalid API key provided", "authentication_error", null, "invalid_api_key");
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		send(call, (status != 0) ? status : 429, "Rate limit reached for requests", "rate_limit_error", null,
				"rate_limit_exceeded");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		if (status == 503) {
			send(call, status, "The engine is currently overloaded, please try again later", "server_error", null,
					"service_unavailable");
		}
		else {
			send(call, status, "The server had an error while processing your request", "server_error", null,
					"internal_error");
		}
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		send(call, 402, "You have run out of credits; top up to continue", "insufficient_quota", null,
				"insufficient_quota");
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		send(call, 400, "Your prompt was flagged by our safety system", "invalid_request_error", "prompt",
				"content_policy_violation");
	}

	static void send(ApiCall call, int status, String message, String type, String param, String code)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type);
		error.put("param", param);
		error.put("code", code);
		call.sendJson(status, Map.of("error", error));
	}

}
