package io.reelay.provider.tchavi;

import java.time.Instant;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.Usage;
import io.reelay.provider.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Job answers the simulator does not give: other expiry formats, jobs without credits,
 * unknown words.
 */
class TchaviStatusesTests {

	@Test
	void keepsAJobWithAStatusWordItDoesNotKnowRunning() {
		assertThat(of("{\"id\":\"job_1\",\"status\":\"uploading\",\"progress\":140}"))
			.isEqualTo(new TaskStatus.Running("uploading", 100));
	}

	@Test
	void waitsForTheUrlOfACompletedJobThatHasNoneYet() {
		assertThat(of("{\"id\":\"job_1\",\"status\":\"completed\",\"output\":{}}"))
			.isEqualTo(new TaskStatus.Running("completed", null));
	}

	@Test
	void readsTheUrlExpiryAsAnIsoTimeOrAnEpochNumber() {
		assertThat(expiryOf("\"2026-05-21T10:00:00Z\"")).isEqualTo(Instant.parse("2026-05-21T10:00:00Z"));
		assertThat(expiryOf("\"2026-05-21T12:00:00+02:00\"")).isEqualTo(Instant.parse("2026-05-21T10:00:00Z"));
		assertThat(expiryOf("1779357600")).isEqualTo(Instant.parse("2026-05-21T10:00:00Z"));
		assertThat(expiryOf("1779357600000")).isEqualTo(Instant.parse("2026-05-21T10:00:00Z"));
		assertThat(expiryOf("\"tomorrow\"")).isNull();
	}

	@Test
	void pricesAFinishedJobThatReportsNoCreditsFromThePriceList() {
		assertThat(usageOf("{\"video_url\":\"https://cdn/v.mp4\",\"duration\":10,\"resolution\":\"480p\"}"))
			.isEqualTo(new Usage(2600.0, null, null, 10.0, Usage.Source.PRICE_LIST));
		assertThat(usageOf("{\"video_url\":\"https://cdn/v.mp4\",\"duration\":5,\"resolution\":\"720p\"}"))
			.isEqualTo(new Usage(2900.0, null, null, 5.0, Usage.Source.PRICE_LIST));
		assertThat(usageOf("{\"video_url\":\"https://cdn/v.mp4\",\"duration\":5,\"resolution\":\"1080p\"}")).isNull();
		assertThat(usageOf("{\"video_url\":\"https://cdn/v.mp4\"}")).isNull();
	}

	@Test
	void billsAutoDurationAsTenSeconds() {
		assertThat(TchaviUsage.credits("720p", -1)).isEqualTo(5800.0);
		assertThat(TchaviUsage.credits(null, 3)).isEqualTo(780.0);
	}

	@Test
	void reportsNoUsageForAFailedJobThatReportsNone() {
		TaskStatus.Failed failed = (TaskStatus.Failed) of(
				"{\"id\":\"job_1\",\"status\":\"failed\",\"error\":\"upstream timeout\"}");
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.message()).isEqualTo("tchavi could not generate the video: upstream timeout");
		assertThat(failed.usage()).isNull();
	}

	@Test
	void readsAJobWrappedInAJobMember() {
		TchaviJob job = EventJson.read("{\"job\":{\"id\":\"job_1\",\"status\":\"pending\"}}", TchaviJob.class)
			.unwrapped();
		assertThat(job.id()).isEqualTo("job_1");
		assertThat(job.status()).isEqualTo("pending");
	}

	private static Instant expiryOf(String value) {
		TaskStatus.Succeeded done = (TaskStatus.Succeeded) of(
				"{\"status\":\"completed\",\"output\":{\"video_url\":\"https://cdn/v.mp4\",\"url_expires_at\":" + value
						+ "}}");
		return done.download().expiresAt();
	}

	private static Usage usageOf(String output) {
		return ((TaskStatus.Succeeded) of("{\"status\":\"completed\",\"output\":" + output + "}")).usage();
	}

	private static TaskStatus of(String json) {
		return TchaviStatuses.of(EventJson.read(json, TchaviJob.class).unwrapped());
	}

}
