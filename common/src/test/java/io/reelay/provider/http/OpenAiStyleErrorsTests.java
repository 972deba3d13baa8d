package io.reelay.provider.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.ProviderError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI-shaped error bodies, and the partial copies gateways send, read into one shape.
 */
class OpenAiStyleErrorsTests {

	@Test
	void readsTheErrorObjectTakingTheTypeWhenThereIsNoCode() {
		assertThat(read(401, "{\"error\":{\"message\":\"bad key\",\"type\":\"auth\",\"code\":\"invalid_api_key\"}}"))
			.isEqualTo(new ProviderError(401, "invalid_api_key", "bad key"));
		assertThat(read(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":null}}"))
			.isEqualTo(new ProviderError(429, "requests", "slow down"));
	}

	@Test
	void readsABareStringOrATopLevelMessageAndCode() {
		assertThat(read(400, "{\"error\":\"Bad Request\"}")).isEqualTo(new ProviderError(400, null, "Bad Request"));
		assertThat(read(400, "{\"message\":\"prompt too long\",\"code\":\"too_long\"}"))
			.isEqualTo(new ProviderError(400, "too_long", "prompt too long"));
	}

	@Test
	void keepsAnExcerptOfABodyThatIsNotAJsonObject() {
		assertThat(read(502, "<html>Bad gateway</html>"))
			.isEqualTo(new ProviderError(502, null, "<html>Bad gateway</html>"));
		assertThat(read(500, "[\"oops\"]")).isEqualTo(new ProviderError(500, null, "[\"oops\"]"));
		assertThat(read(503, "")).isEqualTo(new ProviderError(503, null, null));
	}

	@Test
	void readsTheErrorOfAFailedJobWithoutAStatus() {
		assertThat(OpenAiStyleErrors.fromNode(null,
				EventJson.mapper().readTree("{\"message\":\"flagged\",\"code\":\"content_policy_violation\"}")))
			.isEqualTo(new ProviderError(null, "content_policy_violation", "flagged"));
		assertThat(OpenAiStyleErrors.fromNode(null, null)).isEqualTo(new ProviderError(null, null, null));
	}

	private static ProviderError read(int status, String body) {
		return OpenAiStyleErrors.fromAnswer(EventJson.mapper(), new HttpAnswer(status,
				HttpHeaders.of(Map.of(), (name, value) -> true), body.getBytes(StandardCharsets.UTF_8)));
	}

}
