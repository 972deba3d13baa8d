package io.reelay.simulator.minimax;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.ErrorAnswers;

/**
 * MiniMax says no in {@code base_resp}, usually in an HTTP 200: 1002 rate limited, 1004
 * authentication failed, 1008 insufficient balance, 1024 internal error, 1026 sensitive
 * input, 1027 sensitive output, 2013 invalid parameters, 2049 invalid API key.
 */
final class MinimaxErrors implements ErrorAnswers {

	static final int RATE_LIMITED = 1002;

	static final int AUTHENTICATION_FAILED = 1004;

	static final int INSUFFICIENT_BALANCE = 1008;

	static final int INTERNAL_ERROR = 1024;

	static final int SENSITIVE_INPUT = 1026;

	static final int SENSITIVE_OUTPUT = 1027;

	static final int INVALID_PARAMS = 2013;

	static final int INVALID_API_KEY = 2049;

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		if (call.sentAuthorization()) {
			send(call, 200, INVALID_API_KEY, "invalid api key");
		}
		else {
			send(call, 200, AUTHENTICATION_FAILED,
					"login fail: Please carry the API secret key in the 'Authorization' field of the request header");
		}
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		send(call, (status != 0) ? status : 200, RATE_LIMITED, "rate limit exceeded(RPM)");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		send(call, status, INTERNAL_ERROR, "internal error");
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		send(call, 200, INSUFFICIENT_BALANCE, "insufficient balance");
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		send(call, 200, SENSITIVE_INPUT, "input new_sensitive");
	}

	static void invalidParams(ApiCall call, String message) throws IOException {
		send(call, 200, INVALID_PARAMS, "invalid params, " + message);
	}

	static void send(ApiCall call, int httpStatus, int code, String message) throws IOException {
		call.sendJson(httpStatus, Map.of("base_resp", baseResp(code, message)));
	}

	static Map<String, Object> baseResp(int code, String message) {
		Map<String, Object> baseResp = new LinkedHashMap<>();
		baseResp.put("status_code", code);
		baseResp.put("status_msg", message);
		return baseResp;
	}

	static Map<String, Object> success() {
		return baseResp(0, "success");
	}

}
