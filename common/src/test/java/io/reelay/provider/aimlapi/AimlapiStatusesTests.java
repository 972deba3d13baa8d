package io.reelay.provider.aimlapi;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** AI/ML API's poll answers and error bodies, in both schema versions. */
class AimlapiStatusesTests {

	@ParameterizedTest
	@ValueSource(strings = { "queued", "generating", "waiting" })
	void keepsAGenerationRunningForEveryWordButCompletedAndError(String word) {
		assertThat(AimlapiStatuses.of(poll("{\"id\":\"g\",\"status\":\"" + word + "\",\"video\":null}")))
			.isEqualTo(new TaskStatus.Running(word, null));
	}

	@Test
	void waitsForTheUrlOfACompletedGenerationThatHasNoneYet() {
		assertThat(AimlapiStatuses.of(poll("{\"id\":\"g\",\"status\":\"completed\",\"video\":null}")))
			.isInstanceOf(TaskStatus.Running.class);
	}

	@Test
	void readsCreditsUnderEitherName() {
		TaskStatus.Succeeded current = (TaskStatus.Succeeded) AimlapiStatuses
			.of(poll("{\"id\":\"g\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example.com/v.mp4\"},"
					+ "\"meta\":{\"usage\":{\"credits_used\":1050000}}}"));
		TaskStatus.Succeeded older = (TaskStatus.Succeeded) AimlapiStatuses
			.of(poll("{\"id\":\"g\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example.com/v.mp4\","
					+ "\"duration\":6},\"meta\":{\"usage\":{\"tokens_used\":120000}}}"));
		assertThat(current.usage()).isEqualTo(Usage.reportedCredits(1_050_000.0));
		assertThat(older.usage()).isEqualTo(Usage.reportedCredits(120_000.0));
		assertThat(older.download().url()).isEqualTo("https://cdn.example.com/v.mp4");
	}

	@Test
	void keepsTheCreditsChargedAtSubmissionWithAFailure() {
		TaskStatus.Failed failed = (TaskStatus.Failed) AimlapiStatuses.of(poll("{\"id\":\"g\",\"status\":\"error\","
				+ "\"error\":{\"name\":\"GenerationError\",\"message\":\"it broke\"},"
				+ "\"meta\":{\"usage\":{\"credits_used\":1050000}}}"));
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerError()).isEqualTo(new ProviderError(null, "GenerationError", "it broke"));
		assertThat(failed.usage()).isEqualTo(Usage.reportedCredits(1_050_000.0));
	}

	@Test
	void failsWithoutAReasonWhenTheErrorIsMissingOrOfAnotherShape() {
		TaskStatus.Failed bare = (TaskStatus.Failed) AimlapiStatuses
			.of(poll("{\"id\":\"g\",\"status\":\"error\",\"error\":null}"));
		TaskStatus.Failed text = (TaskStatus.Failed) AimlapiStatuses
			.of(poll("{\"id\":\"g\",\"status\":\"error\",\"error\":\"NSFW content detected\"}"));
		assertThat(bare.message()).isEqualTo("aimlapi could not generate the video: no reason given");
		assertThat(bare.usage()).isNull();
		assertThat(text.code()).isEqualTo(FailureCode.CONTENT_POLICY);
	}

	@Test
	void readsErrorBodiesWithOneMessageOrSeveral() {
		AimlapiErrors errors = new AimlapiErrors(EventJson.mapper());
		assertThat(errors.fromAnswer(answer(429,
				"{\"message\":\"Too many requests\",\"path\":\"/v2/video/generations\","
						+ "\"requestId\":\"r\",\"statusCode\":\"429\",\"timestamp\":\"2026-01-01T00:00:00.000Z\"}")))
			.isEqualTo(new ProviderError(429, "429", "Too many requests"));
		assertThat(errors.fromAnswer(answer(400,
				"{\"statusCode\":400,\"message\":[\"prompt too long\",\"model invalid\"],\"error\":\"Bad Request\"}")))
			.isEqualTo(new ProviderError(400, "400", "prompt too long; model invalid"));
		assertThat(errors.fromAnswer(answer(502, "<html>Bad gateway</html>")))
			.isEqualTo(new ProviderError(502, null, "<html>Bad gateway</html>"));
	}

	@Test
	void treatsEvery403AsOutOfCredits() {
		assertThat(new AimlapiErrors(EventJson.mapper()).failure(answer(403, "{\"message\":\"Forbidden\"}"),
				CallKind.CREATE))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INSUFFICIENT_CREDITS));
	}

	private static AimlapiGeneration poll(String json) {
		return EventJson.read(json, AimlapiGeneration.class);
	}

	private static HttpAnswer answer(int status, String body) {
		return new HttpAnswer(status, HttpHeaders.of(Map.of(), (name, value) -> true),
				body.getBytes(StandardCharsets.UTF_8));
	}

}
