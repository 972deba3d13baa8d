package io.reelay.simulator.openai;

import java.io.IOException;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;
import io.reelay.simulator.OpenAiStyleErrors;

/** OpenAI error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class OpenAiErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 401,
				call.sentAuthorization() ? "Incorrect API key provided"
						: "You didn't provide an API key. Use the Authorization header: Bearer YOUR_KEY",
				"invalid_request_error", null, "invalid_api_key");
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		OpenAiStyleErrors.send(call, (status != 0) ? status : 429, "Rate limit reached for requests", "requests", null,
				"rate_limit_exceeded");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		if (status == 503) {
			OpenAiStyleErrors.send(call, status, "The server is overloaded or not ready yet.", "server_error", null,
					"service_unavailable");
		}
		else {
			OpenAiStyleErrors.send(call, status, "The server had an error while processing your request.",
					"server_error", null, "internal_error");
		}
	}

	/**
	 * OpenAI answers an empty account with a 429 that no retry will cure.
	 */
	@Override
	public void noCredits(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 429,
				"You exceeded your current quota, please check your plan and billing details.", "insufficient_quota",
				null, "insufficient_quota");
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 400, "Your request was blocked by our moderation system.", "invalid_request_error",
				"prompt", "moderation_blocked");
	}

	static void send(ApiCall call, Problem problem) throws IOException {
		OpenAiStyleErrors.send(call, problem.status(), problem.message(), problem.type(), problem.param(),
				problem.code());
	}

	/** An error answer, made before it is sent. */
	record Problem(int status, String message, String type, String param, String code) {

		static Problem invalid(String param, String code, String message) {
			return new Problem(400, message, "invalid_request_error", param, code);
		}

		/** What the upstream model refuses, passed on by the gateway. */
		static Problem upstream(String param, String message) {
			return new Problem(400, "INVALID_ARGUMENT: " + message, "upstream_error", param, "INVALID_ARGUMENT");
		}

	}

}
