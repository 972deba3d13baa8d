package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoSubmitted;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller on a real broker against the simulator: every job ends, one way or another.
 */
@SpringBootTest
class PollerIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@DynamicPropertySource
	static void pollerSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.poller.interval", () -> "200ms");
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.completed", "video.failed", "video.poll-delay" };
	}

	@Test
	void followsAJobUntilItsVideoIsReadyKeepingEachPendingPollInKafka() {
		VideoSubmitted job = submitted(this.jobs.start("a lighthouse in a storm"), Instant.now().plusSeconds(60));

		VideoCompleted completed = this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		assertThat(completed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(completed.download().url())
			.startsWith(simulator.baseUrl("generic") + "/files/" + job.providerTaskId() + ".mp4?");
		assertThat(completed.metadata()).isEqualTo(job.metadata());
		assertThat(completed.submittedAt()).isEqualTo(job.submittedAt());
		assertThat(pollAttempts(job)).startsWith("1");
	}

	@Test
	void publishesTheProvidersFailureWithItsOwnError() {
		VideoSubmitted job = submitted(this.jobs.start("a cat [sim:fail]"), Instant.now().plusSeconds(60));

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.stage()).isEqualTo(Stage.POLLER);
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(failed.providerError().code()).isEqualTo("generation_failed");
	}

	@Test
	void timesOutAJobThatNeverFinishesAndKeepsItsTaskId() {
		VideoSubmitted job = submitted(this.jobs.start("forever [sim:stuck]"), Instant.now().plusMillis(1500));

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
		assertThat(failed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(failed.message()).contains(job.providerTaskId(), "last status: processing");
	}

	@Test
	void keepsPollingThroughTransientProviderErrors() {
		VideoSubmitted job = submitted(this.jobs.start("a flaky gateway [sim:flaky]"), Instant.now().plusSeconds(60));

		this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		assertThat(simulator.tasks().callsOf("status", job.providerTaskId())).isGreaterThan(1);
		assertThat(pollAttempts(job)).startsWith("1", "2");
		assertThat(this.watcher.find("video.failed", job.requestId())).isEmpty();
	}

	@Test
	void failsAJobTheProviderDoesNotKnow() {
		VideoSubmitted job = submitted("video_unknown", Instant.now().plusSeconds(60));

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.NOT_FOUND);
		assertThat(failed.providerTaskId()).isEqualTo("video_unknown");
	}

	@Test
	void deadLettersAJobWithoutATaskIdInsteadOfPollingIt() {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), null, Instant.now().plusSeconds(60));
		this.publisher.publishEvent("video.submitted", job.requestId(), job);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.message()).contains("has no providerTaskId", "video.submitted-dlt");
		assertThat(pollAttempts(job)).isEmpty();
	}

	/**
	 * The attempt numbers of the job's pending polls, as they went through the poll-delay
	 * topic.
	 */
	private java.util.List<String> pollAttempts(VideoSubmitted job) {
		return this.watcher.recordsNow("video.poll-delay", (record) -> job.requestId().equals(record.key()))
			.stream()
			.map((record) -> new String(record.headers().lastHeader("reelay_poll_attempt").value(),
					StandardCharsets.UTF_8))
			.toList();
	}

	private VideoSubmitted submitted(String taskId, Instant deadline) {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), taskId, deadline);
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
		return job;
	}

}
