package io.reelay.provider.minimax;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** MiniMax's {@code base_resp} codes in Reelay's terms. */
class MinimaxErrorsTests {

	@ParameterizedTest(name = "{0} on {1} -> {2}")
	@CsvSource({ "1002, CREATE, RATE_LIMITED", "1002, READ, RATE_LIMITED", "1004, CREATE, AUTHENTICATION",
			"2049, READ, AUTHENTICATION", "1008, CREATE, INSUFFICIENT_CREDITS", "1026, CREATE, CONTENT_POLICY",
			"1027, READ, CONTENT_POLICY", "2013, CREATE, INVALID_REQUEST", "2013, READ, NOT_FOUND",
			"1001, CREATE, SUBMISSION_OUTCOME_UNKNOWN", "1001, READ, PROVIDER_UNAVAILABLE",
			"1000, CREATE, PROVIDER_UNAVAILABLE", "1024, CREATE, PROVIDER_UNAVAILABLE",
			"1033, CREATE, PROVIDER_UNAVAILABLE", "1033, READ, PROVIDER_UNAVAILABLE",
			"1999, CREATE, SUBMISSION_OUTCOME_UNKNOWN", "1999, READ, PROVIDER_UNAVAILABLE" })
	void mapsEachDocumentedCode(int code, CallKind kind, FailureCode expected) {
		assertThat(MinimaxErrors.codeFor(code, kind)).isEqualTo(expected);
	}

	@Test
	void keepsMiniMaxsCodeAndMessageInTheRefusal() {
		assertThat(MinimaxErrors.refusal(new MinimaxBaseResp(1008, "insufficient balance"), CallKind.CREATE))
			.satisfies((ex) -> {
				assertThat(ex.providerError()).isEqualTo(new ProviderError(200, "1008", "insufficient balance"));
				assertThat(ex.getMessage())
					.isEqualTo("minimax says the account has no balance left (MiniMax 1008: insufficient balance)");
			});
	}

	@Test
	void readsPlainHttpErrorsInEveryShapeMiniMaxSends() {
		MinimaxErrors errors = new MinimaxErrors(EventJson.mapper());
		assertThat(errors.fromAnswer(answer(429, "{\"base_resp\":{\"status_code\":1002,\"status_msg\":\"rpm\"}}")))
			.isEqualTo(new ProviderError(429, "1002", "rpm"));
		assertThat(errors.fromAnswer(answer(401, "{\"error\":{\"code\":\"unauthorized\",\"message\":\"bad key\"}}")))
			.isEqualTo(new ProviderError(401, "unauthorized", "bad key"));
		assertThat(errors.fromAnswer(answer(400, "{\"error\":\"Bad Request\"}")))
			.isEqualTo(new ProviderError(400, null, "Bad Request"));
		assertThat(errors.fromAnswer(answer(500, "<html>oops</html>")))
			.isEqualTo(new ProviderError(500, null, "<html>oops</html>"));
	}

	private static HttpAnswer answer(int status, String body) {
		return new HttpAnswer(status, HttpHeaders.of(Map.of(), (name, value) -> true),
				body.getBytes(StandardCharsets.UTF_8));
	}

}
