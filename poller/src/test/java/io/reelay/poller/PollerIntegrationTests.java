package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.WorkTiming;
import io.reelay.poller.schedule.CompletionTimes;
import io.reelay.poller.schedule.CompletionTimesSnapshot;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller on a real broker against the simulator: every job ends, one way or another.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PollerIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@Autowired
	private ProviderRegistry providers;

	@Autowired
	private PollerProperties pollerProperties;

	@Autowired
	private ConsumerFactory<String, byte[]> consumerFactory;

	@Autowired
	private EventPublisher events;

	private static final List<String> TIERS = List.of("video.poll-delay-100ms", "video.poll-delay-200ms",
			"video.poll-delay-400ms", "video.poll-delay-800ms", "video.poll-delay-1600ms");

	@DynamicPropertySource
	static void pollerSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.poller.delay-tiers", () -> "100ms,200ms,400ms,800ms,1600ms");
		registry.add("reelay.poller.schedule.first-check", () -> "200ms");
		registry.add("reelay.poller.schedule.initial-gap", () -> "200ms");
		registry.add("reelay.poller.schedule.min-gap", () -> "100ms");
		registry.add("reelay.poller.schedule.max-gap", () -> "1s");
		registry.add("reelay.poller.learned-publish-interval", () -> "300ms");
		registry.add("reelay.poller.providers.tchavi.rate", () -> "4");
		registry.add("reelay.poller.providers.tchavi.burst", () -> "2");
		registry.add("reelay.providers.aimlapi.default-deadline", () -> "2s");
	}

	@Override
	protected String[] watchedTopics() {
		List<String> topics = new ArrayList<>(List.of("video.completed", "video.failed", "video.poll-schedule"));
		topics.addAll(TIERS);
		return topics.toArray(String[]::new);
	}

	@AfterEach
	void liftRateLimits() {
		simulator.rateLimits().clear();
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
	void stampsWhatEndsAJobWithWhenItsLastCheckBeganAndHowLongItsStatusCallTook() {
		VideoSubmitted done = submitted(this.jobs.start("a quiet harbour"), Instant.now().plusSeconds(60));
		VideoSubmitted failing = submitted(this.jobs.start("a harbour in fog [sim:fail]"),
				Instant.now().plusSeconds(60));

		assertTimedWithAStatusCall(this.watcher.awaitRecord("video.completed", done.requestId()));
		assertTimedWithAStatusCall(this.watcher.awaitRecord("video.failed", failing.requestId()));
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

	@Test
	void failsAJobWithoutADeadlineAtItsProvidersDefaultKeepingItsTaskId() {
		VideoSubmitted job = submittedTo("aimlapi", "video-01", "an endless loop [sim:stuck] " + Events.newRequestId(),
				null);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
		assertThat(failed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(failed.message()).contains(job.providerTaskId(), "by the deadline",
				"may still finish it under that task id");
		assertThat(failed.failedAt()).isAfterOrEqualTo(job.submittedAt().plusSeconds(2));
	}

	@Test
	void failsAtOnceWhenTheProviderRefusesTheApiKeyOnAStatusCall() {
		String prompt = "a locked door " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.STATUS, Fault.UNAUTHORIZED, 1, prompt));
		VideoSubmitted job = submittedTo("generic", "sim-video-1", prompt);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.AUTHENTICATION);
		assertThat(failed.providerTaskId()).isEqualTo(job.providerTaskId());
		assertThat(simulator.tasks().callsOf("status", job.providerTaskId())).isEqualTo(1);
	}

	@Test
	void keepsPollingThroughResetsRateLimitsAndServerErrors() {
		String prompt = "a stormy pier " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.STATUS, Fault.RESET, 1, prompt));
		simulator.faults()
			.add(new FaultRule("generic", Operation.STATUS, Fault.RATE_LIMIT, 1, prompt).withRetryAfterSeconds(1));
		simulator.faults().add(new FaultRule("generic", Operation.STATUS, Fault.SERVER_ERROR, 1, prompt));
		VideoSubmitted job = submittedTo("generic", "sim-video-1", prompt);

		this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		assertThat(simulator.tasks().callsOf("status", job.providerTaskId())).isGreaterThanOrEqualTo(4);
		assertThat(this.watcher.find("video.failed", job.requestId())).isEmpty();
	}

	@Test
	void neverCausesItsOwn429sWhenItsRateIsUnderTheProvidersLimit() {
		// the poller may call tchavi 4 times a second (burst 2); tchavi allows 5 (burst
		// 5)
		simulator.rateLimits().limit("tchavi", 5, 5);
		List<VideoSubmitted> jobs = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String taskId = simulator.tasks().seed("tchavi", "seedance-2", "a paper boat " + i, null).id();
			Instant now = Instant.now();
			VideoSubmitted job = new VideoSubmitted(1, Events.newRequestId(), "tchavi", "seedance-2", taskId, "pending",
					now, now, now.plusSeconds(60), Map.of());
			this.publisher.publishEvent("video.submitted", job.requestId(), job);
			jobs.add(job);
		}

		for (VideoSubmitted job : jobs) {
			this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);
		}

		assertThat(simulator.rateLimits().rejected("tchavi")).isZero();
		assertThat(simulator.rateLimits().admitted("tchavi")).isGreaterThanOrEqualTo(jobs.size());
	}

	@Test
	void sharesWhatItLearnedOfCompletionTimesThroughTheCompactedTopic() {
		VideoSubmitted job = submitted(this.jobs.start("a quiet bay"), Instant.now().plusSeconds(60));
		this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		CompletionTimesSnapshot learned = this.watcher.awaitEvent("video.poll-schedule", "generic/sim-video-1",
				CompletionTimesSnapshot.class);

		assertThat(learned.provider()).isEqualTo("generic");
		assertThat(learned.samples()).isPositive();
		assertThat(CompletionTimes.from(learned, 1000).quantile(0.5)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aRestartedPollerStartsWithWhatWasLearnedBefore() {
		VideoSubmitted job = submitted(this.jobs.start("a windmill"), Instant.now().plusSeconds(60));
		this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);
		this.watcher.awaitEvent("video.poll-schedule", "generic/sim-video-1", CompletionTimesSnapshot.class);
		LearnedSchedules restarted = new LearnedSchedules(this.pollerProperties);
		LearnedScheduleSync sync = new LearnedScheduleSync(this.consumerFactory, this.events, restarted,
				this.pollerProperties, Clock.systemUTC());

		sync.start();
		try {
			assertThat(restarted.samples("generic", "sim-video-1")).isPositive();
		}
		finally {
			sync.stop();
		}
	}

	/**
	 * Creates a job on a simulated provider, as the submitter would, and publishes it.
	 */
	private VideoSubmitted submittedTo(String provider, String model, String prompt) {
		return submittedTo(provider, model, prompt, Instant.now().plusSeconds(60));
	}

	private VideoSubmitted submittedTo(String provider, String model, String prompt, Instant deadline) {
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
				deadline, Map.of("team", "tests"));
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
		return job;
	}

	/**
	 * The attempt numbers of the job's pending polls, as they went through the poll-delay
	 * topic.
	 */
	private List<String> pollAttempts(VideoSubmitted job) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		for (String tier : TIERS) {
			records.addAll(this.watcher.recordsNow(tier, (record) -> job.requestId().equals(record.key())));
		}
		// a long wait hops through several tiers with the same check number
		return records.stream()
			.sorted(Comparator.comparingLong(ConsumerRecord::timestamp))
			.map((record) -> new String(record.headers().lastHeader("reelay_poll_attempt").value(),
					StandardCharsets.UTF_8))
			.distinct()
			.toList();
	}

	/**
	 * The record says when the check that produced it began (not after the record was
	 * made; the timestamp is in milliseconds) and that its status call took some time.
	 */
	private static void assertTimedWithAStatusCall(ConsumerRecord<String, byte[]> record) {
		WorkTiming timing = WorkTiming.readFrom(record.headers()).orElseThrow();
		assertThat(timing.startedAt().toEpochMilli()).isLessThanOrEqualTo(record.timestamp());
		assertThat(timing.providerTime()).isPositive();
	}

	private VideoSubmitted submitted(String taskId, Instant deadline) {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), taskId, deadline);
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
		return job;
	}

}
