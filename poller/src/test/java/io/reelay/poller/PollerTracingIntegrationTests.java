package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoSubmitted;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poller keeps a job's W3C trace through its poll-delay records to the job's terminal
 * event.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PollerTracingIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@DynamicPropertySource
	static void pollerSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.poller.delay-tiers", () -> "100ms,200ms,400ms");
		registry.add("reelay.poller.schedule.first-check", () -> "200ms");
		registry.add("reelay.poller.schedule.initial-gap", () -> "200ms");
		registry.add("reelay.poller.schedule.min-gap", () -> "100ms");
		registry.add("reelay.poller.schedule.max-gap", () -> "400ms");
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.completed", "video.failed", "video.submitted-dlt", "video.poll-delay-100ms",
				"video.poll-delay-200ms", "video.poll-delay-400ms" };
	}

	@Test
	void publishesVideoCompletedAndEveryPendingPollInTheTraceOfTheSubmittedJob() {
		TraceParent submitter = Traces.newTrace();
		VideoSubmitted job = submitted(this.jobs.start("a lighthouse at dawn"), submitter);

		TraceParent completed = Traces.of(this.watcher.awaitRecord("video.completed", job.requestId()));

		assertThat(completed.traceId()).isEqualTo(submitter.traceId());
		assertThat(completed.spanId()).isNotEqualTo(submitter.spanId());
		List<ConsumerRecord<String, byte[]>> pending = new ArrayList<>();
		for (String tier : List.of("video.poll-delay-100ms", "video.poll-delay-200ms", "video.poll-delay-400ms")) {
			pending.addAll(this.watcher.recordsNow(tier, (record) -> job.requestId().equals(record.key())));
		}
		assertThat(pending).isNotEmpty()
			.allSatisfy((record) -> assertThat(Traces.of(record).traceId()).isEqualTo(submitter.traceId()));
	}

	@Test
	void publishesTheVideoFailedOfAJobTheProviderFailedInItsTrace() {
		TraceParent submitter = Traces.newTrace();
		VideoSubmitted job = submitted(this.jobs.start("a harbour in fog [sim:fail]"), submitter);

		TraceParent failed = Traces.of(this.watcher.awaitRecord("video.failed", job.requestId()));

		assertThat(failed.traceId()).isEqualTo(submitter.traceId());
	}

	@Test
	void startsATraceForAJobPublishedWithoutOne() {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), this.jobs.start("a quiet bay"),
				Instant.now().plusSeconds(60));
		this.publisher.publishEvent("video.submitted", job.requestId(), job);

		assertThat(Traces.of(this.watcher.awaitRecord("video.completed", job.requestId())).traceId()).hasSize(32);
	}

	@Test
	void deadLettersAnUnreadableJobWithABrokenTraceparentAndFailsItsRequest() {
		String requestId = Events.newRequestId();
		this.publisher.publishBytes("video.submitted", requestId, "{not json".getBytes(StandardCharsets.UTF_8),
				Map.of(TraceParent.HEADER, "00-zz-01"));

		assertThat(Traces.of(this.watcher.awaitRecord("video.failed", requestId)).traceId()).hasSize(32);
		assertThat(this.watcher.awaitRecord("video.submitted-dlt", requestId)).isNotNull();
	}

	private VideoSubmitted submitted(String taskId, TraceParent trace) {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), taskId, Instant.now().plusSeconds(60));
		this.publisher.publishEvent("video.submitted", job.requestId(), job, Traces.headers(trace));
		return job;
	}

}
