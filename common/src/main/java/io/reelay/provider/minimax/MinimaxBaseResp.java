package io.reelay.provider.minimax;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The outcome MiniMax puts in every answer. Its refusals usually arrive inside an HTTP
 * 200, so a call only succeeded when this says {@code 0}.
 *
 * @param statusCode {@code 0} for success, otherwise MiniMax's error code
 */
record MinimaxBaseResp(@JsonProperty("status_code") Integer statusCode, @JsonProperty("status_msg") String statusMsg) {

	static boolean failed(MinimaxBaseResp resp) {
		return resp != null && resp.statusCode() != null && resp.statusCode() != 0;
	}

}
