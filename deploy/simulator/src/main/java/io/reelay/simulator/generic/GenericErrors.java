package io.reelay.simulator.generic;

import java.io.IOException;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;
import io.reelay.simulator.OpenAiStyleErrors;

/** OpenAI-style error bodies: {@code {"error":{"message","type","param","code"}}}. */
final class GenericErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 401, "Invalid API key provided", "authentication_error", null, "invalid_api_key");
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		OpenAiStyleErrors.send(call, (status != 0) ? status : 429, "Rate limit reached for requests",
				"rate_limit_error", null, "rate_limit_exceeded");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		if (status == 503) {
			OpenAiStyleErrors.send(call, status, "The engine is currently overloaded, please try again later",
					"server_error", null, "service_unavailable");
		}
		else {
			OpenAiStyleErrors.send(call, status, "The server had an error while processing your request",
					"server_error", null, "internal_error");
		}
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 402, "You have run out of credits; top up to continue", "insufficient_quota", null,
				"insufficient_quota");
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		OpenAiStyleErrors.send(call, 400, "Your prompt was flagged by our safety system", "invalid_request_error",
				"prompt", "content_policy_violation");
	}

}
