package io.reelay.provider.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.provider.ProviderException;
import io.reelay.testing.ProviderFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** How every adapter reads the answer to a create call it cannot use. */
class ProviderHttpClientTests {

	private final ProviderHttpClient http = ProviderFixtures.client("tchavi", URI.create("http://127.0.0.1:1"), "k");

	record Job(String id) {
	}

	@Test
	void callsAnUnreadableCreateAnswerAnUnknownOutcomeButAnUnreadableReadRetryable() {
		HttpAnswer garbled = answer(202, "<html>accepted</html>");

		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> this.http.readCreated(garbled, Job.class))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.getMessage())
					.startsWith("tchavi answered the create call with an answer Reelay cannot read")
					.endsWith("so Reelay does not submit it again");
				assertThat(ex.providerError().httpStatus()).isEqualTo(202);
			});
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> this.http.read(garbled, Job.class))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE));
	}

	@Test
	void refusesACreateAnswerWithoutAnIdAsAnUnknownOutcome() {
		HttpAnswer noId = answer(200, "{\"status\":\"queued\"}");
		Job job = this.http.readCreated(noId, Job.class);

		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> this.http.createdId(job.id(), "job id", noId))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
				assertThat(ex.getMessage()).contains("tchavi accepted the request but sent no job id");
			});
		assertThat(this.http.createdId("job_1", "job id", noId)).isEqualTo("job_1");
	}

	private static HttpAnswer answer(int status, String body) {
		return new HttpAnswer(status, HttpHeaders.of(Map.of(), (name, value) -> true),
				body.getBytes(StandardCharsets.UTF_8));
	}

}
