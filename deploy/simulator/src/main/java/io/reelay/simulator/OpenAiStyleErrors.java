package io.reelay.simulator;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error bodies in OpenAI's shape, {@code {"error":{"message","type","param","code"}}},
 * which the generic API copies: both simulated APIs say no in it, each in its own words.
 */
public final class OpenAiStyleErrors {

	private OpenAiStyleErrors() {
	}

	/**
	 * Answers the call with this error; {@code param} is sent as null when there is none.
	 */
	public static void send(ApiCall call, int status, String message, String type, String param, String code)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type);
		error.put("param", param);
		error.put("code", code);
		call.sendJson(status, Map.of("error", error));
	}

}
