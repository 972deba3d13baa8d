package io.reelay.simulator.tchavi;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;

/** tchavi error bodies: {@code {"error":{"code","message"}}}. */
final class TchaviErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		send(call, 401, "unauthorized", call.sentAuthorization() ? "Invalid API key" : "Missing API key");
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		send(call, (status != 0) ? status : 429, "rate_limited", "Too many requests, slow down");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		if (status == 503) {
			send(call, status, "service_unavailable", "The service is temporarily unavailable");
		}
		else {
			send(call, status, "internal_error", "Something went wrong on our side");
		}
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		send(call, 402, "insufficient_credits", "Not enough credits for this generation");
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		send(call, 400, "content_policy_violation", "The prompt violates the content policy");
	}

	static void invalid(ApiCall call, String message) throws IOException {
		send(call, 400, "invalid_request", message);
	}

	static void send(ApiCall call, int status, String code, String message) throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		call.sendJson(status, Map.of("error", error));
	}

}
