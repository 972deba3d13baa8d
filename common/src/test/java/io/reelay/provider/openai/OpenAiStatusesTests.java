package io.reelay.provider.openai;

import java.time.Instant;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;
import io.reelay.provider.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status answers the simulator does not give: other gateways' shapes and missing fields.
 */
class OpenAiStatusesTests {

	private static final String CONTENT = "https://api.apiyi.com/v1/videos/task_1/content";

	@Test
	void keepsAJobWithAStatusWordItDoesNotKnowRunning() {
		assertThat(of("{\"id\":\"task_1\",\"status\":\"submitted\"}"))
			.isEqualTo(new TaskStatus.Running("submitted", null));
		assertThat(of("{\"id\":\"task_1\"}")).isEqualTo(new TaskStatus.Running(null, null));
	}

	@Test
	void readsProgressOrSaysZeroWhileQueued() {
		assertThat(of("{\"status\":\"queued\"}")).isEqualTo(new TaskStatus.Running("queued", 0));
		assertThat(of("{\"status\":\"in_progress\",\"progress\":50}"))
			.isEqualTo(new TaskStatus.Running("in_progress", 50));
		assertThat(of("{\"status\":\"in_progress\"}")).isEqualTo(new TaskStatus.Running("in_progress", null));
	}

	@Test
	void readsTheExpiryInEpochSecondsOrMilliseconds() {
		TaskStatus.Succeeded seconds = (TaskStatus.Succeeded) of(
				"{\"status\":\"completed\",\"model\":\"sora-2\",\"seconds\":\"8\",\"expires_at\":1775028690}");
		assertThat(seconds.download().url()).isEqualTo(CONTENT);
		assertThat(seconds.download().expiresAt()).isEqualTo(Instant.ofEpochSecond(1775028690));
		TaskStatus.Succeeded millis = (TaskStatus.Succeeded) of(
				"{\"status\":\"completed\",\"model\":\"sora-2\",\"expires_at\":1775028690123}");
		assertThat(millis.download().expiresAt()).isEqualTo(Instant.ofEpochMilli(1775028690123L));
		TaskStatus.Succeeded unreadable = (TaskStatus.Succeeded) of(
				"{\"status\":\"completed\",\"model\":\"sora-2\",\"expires_at\":\"soon\"}");
		assertThat(unreadable.download().expiresAt()).isNull();
	}

	@Test
	void pricesVeoPerRequestAndReportsSoraSecondsWithoutACost() {
		assertThat(((TaskStatus.Succeeded) of("{\"status\":\"completed\",\"model\":\"veo-3.1-generate-preview\"}"))
			.usage()).isEqualTo(new Usage(null, null, 1.2, null, Usage.Source.PRICE_LIST));
		assertThat(((TaskStatus.Succeeded) of("{\"status\":\"completed\",\"model\":\"sora-2-pro\",\"seconds\":\"12\"}"))
			.usage()).isEqualTo(new Usage(null, null, null, 12.0, Usage.Source.REPORTED));
		assertThat(((TaskStatus.Succeeded) of("{\"status\":\"completed\",\"model\":\"unknown\"}")).usage()).isNull();
	}

	@Test
	void saysSoWhenAFailedJobGivesNoReason() {
		TaskStatus.Failed failed = (TaskStatus.Failed) of(
				"{\"status\":\"failed\",\"model\":\"veo-3.1-fast-generate-preview\"}");
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.message()).startsWith("openai says the video failed without saying why");
		assertThat(failed.providerError()).isEqualTo(new ProviderError(null, null, null));
		assertThat(failed.usage()).isEqualTo(new Usage(null, null, 0.0, null, Usage.Source.PRICE_LIST));
	}

	@Test
	void callsAModerationRefusalAContentPolicyFailure() {
		TaskStatus.Failed failed = (TaskStatus.Failed) of("{\"status\":\"failed\",\"model\":\"sora-2\","
				+ "\"error\":{\"code\":\"moderation_blocked\",\"message\":\"Your request was blocked\"}}");
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.message()).isEqualTo("openai could not generate the video: Your request was blocked");
		assertThat(failed.providerError())
			.isEqualTo(new ProviderError(null, "moderation_blocked", "Your request was blocked"));
		assertThat(failed.usage()).isNull();
	}

	private static TaskStatus of(String json) {
		return OpenAiStatuses.of(EventJson.read(json, OpenAiVideo.class), CONTENT);
	}

}
