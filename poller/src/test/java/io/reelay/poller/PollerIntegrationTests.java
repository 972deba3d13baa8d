package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	private ProviderRegistry providers;

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

	@Test
	void followsAnOpenAiJobThroughServerErrorsToItsAuthenticatedContentUrl() {
		String prompt = "a lighthouse, slow push-in " + Events.newRequestId();
		simulator.faults().add(new FaultRule("openai", Operation.STATUS, Fault.SERVER_ERROR, 2, prompt));
		VideoSubmitted job = submittedTo("openai", "veo-3.1-fast-generate-preview", prompt);

		VideoCompleted completed = this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		assertThat(completed.download().url())
			.isEqualTo(simulator.baseUrl("openai") + "/v1/videos/" + job.providerTaskId() + "/content");
		assertThat(completed.usage().costUsd()).isEqualTo(0.3);
		assertThat(simulator.tasks().callsOf("status", job.providerTaskId())).isGreaterThan(2);
	}

	@Test
	void keepsTheCreditsAimlapiChargedWhenItsGenerationFails() {
		String prompt = "a koi pond " + Events.newRequestId();
		simulator.faults().add(new FaultRule("aimlapi", Operation.GENERATION, Fault.GENERATION_FAILURE, 1, prompt));
		VideoSubmitted job = submittedTo("aimlapi", "video-01", prompt);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(failed.providerError().message()).isNotBlank();
		assertThat(failed.usage().credits()).isPositive();
	}

	@Test
	void failsATchaviJobOnContentPolicyKeepingTheRefund() {
		String prompt = "a forbidden scene " + Events.newRequestId();
		simulator.faults().add(new FaultRule("tchavi", Operation.GENERATION, Fault.CONTENT_POLICY, 1, prompt));
		VideoSubmitted job = submittedTo("tchavi", "seedance-2", prompt);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.usage().creditsRefunded()).isEqualTo(failed.usage().credits()).isPositive();
	}

	@Test
	void followsAMinimaxJobThroughItsFileToADownloadUrl() {
		VideoSubmitted job = submittedTo("minimax", "T2V-01", "a harbour at dawn " + Events.newRequestId());

		VideoCompleted completed = this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		assertThat(completed.download().url()).startsWith(simulator.baseUrl("minimax") + "/files/");
		assertThat(completed.download().expiresAt()).isAfter(Instant.now().plusSeconds(8 * 3600));
		assertThat(simulator.tasks().callsOf("retrieve", job.providerTaskId())).isPositive();
	}

	/**
	 * Creates a job on a simulated provider, as the submitter would, and publishes it.
	 */
	private VideoSubmitted submittedTo(String provider, String model, String prompt) {
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt)
			.toBuilder()
			.provider(provider)
			.model(model)
			.duration(null)
			.resolution(null)
			.build();
		String taskId = this.providers.require(provider).submit(request, ProviderFixtures.media()).providerTaskId();
		Instant now = Instant.now();
		VideoSubmitted job = new VideoSubmitted(1, request.requestId(), provider, model, taskId, "queued", now, now,
				now.plusSeconds(60), Map.of("team", "tests"));
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
		return job;
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
