package io.reelay.provider.minimax;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.ProviderException;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.ErrorBodies;
import io.reelay.provider.http.HttpAnswer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MiniMax's errors. Most arrive as HTTP 200 with a non-zero
 * {@code base_resp.status_code}; plain HTTP errors carry the same {@code base_resp}, or
 * an {@code error} member.
 */
final class MinimaxErrors {

	private final JsonMapper json;

	MinimaxErrors(JsonMapper json) {
		this.json = json;
	}

	/** What MiniMax said in a non-2xx answer. */
	ProviderError fromAnswer(HttpAnswer answer) {
		return ErrorBodies.read(this.json, answer, (body) -> fromBody(answer, body));
	}

	private static ProviderError fromBody(HttpAnswer answer, JsonNode body) {
		JsonNode base = body.path("base_resp");
		if (base.hasNonNull("status_code")) {
			return new ProviderError(answer.status(), base.get("status_code").asString(), text(base.get("status_msg")));
		}
		JsonNode error = body.path("error");
		if (error.isObject()) {
			JsonNode code = error.hasNonNull("code") ? error.get("code") : error.get("type");
			return new ProviderError(answer.status(), text(code), text(error.get("message")));
		}
		String message = error.isString() ? error.asString() : text(body.get("message"));
		return new ProviderError(answer.status(), null, (message != null) ? message : answer.bodyExcerpt());
	}

	/** A refusal inside an HTTP 200 answer, as the exception the call fails with. */
	static ProviderException refusal(MinimaxBaseResp resp, CallKind kind) {
		FailureCode code = codeFor(resp.statusCode(), kind);
		ProviderError error = new ProviderError(200, String.valueOf(resp.statusCode()), resp.statusMsg());
		String said = " (MiniMax " + resp.statusCode() + ": " + resp.statusMsg() + ")";
		String message = switch (code) {
			case AUTHENTICATION -> "minimax refused Reelay's API key" + said;
			case INSUFFICIENT_CREDITS -> "minimax says the account has no balance left" + said;
			case CONTENT_POLICY -> "minimax refused the content" + said;
			case RATE_LIMITED -> "minimax is rate limiting Reelay" + said;
			case INVALID_REQUEST -> "minimax rejected the request" + said;
			case NOT_FOUND -> "minimax does not know this task or file" + said;
			case SUBMISSION_OUTCOME_UNKNOWN -> "minimax failed while creating the job" + said
					+ "; it may have been created, so Reelay does not submit it again";
			default -> "minimax is unavailable" + said;
		};
		return new ProviderException(code, message, error);
	}

	static FailureCode codeFor(int statusCode, CallKind kind) {
		boolean create = kind == CallKind.CREATE;
		switch (statusCode) {
			case 1002:
				return FailureCode.RATE_LIMITED;
			case 1004, 2049:
				return FailureCode.AUTHENTICATION;
			case 1008:
				return FailureCode.INSUFFICIENT_CREDITS;
			case 1026, 1027:
				return FailureCode.CONTENT_POLICY;
			case 2013:
				// a query's only parameter is the task (or file) id, so it names none
				// MiniMax knows
				return create ? FailureCode.INVALID_REQUEST : FailureCode.NOT_FOUND;
			case 1001:
				// MiniMax gave up waiting on its own backend, which may still create the
				// job after the answer: it may exist
				return create ? FailureCode.SUBMISSION_OUTCOME_UNKNOWN : FailureCode.PROVIDER_UNAVAILABLE;
			case 1000, 1024, 1033:
				// unknown, internal and downstream errors come back as a finished answer
				// with no task_id: the API decided not to create the job, so sending it
				// again cannot pay twice
				return FailureCode.PROVIDER_UNAVAILABLE;
			default:
				// a code Reelay does not know says nothing about whether a job exists
				return create ? FailureCode.SUBMISSION_OUTCOME_UNKNOWN : FailureCode.PROVIDER_UNAVAILABLE;
		}
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? null : node.asString();
	}

}
