package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoSubmitted;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.ActuatorClient;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller's meters and probes over HTTP, from a poller following real jobs on the
 * simulator. Jobs other test classes left in the delay topics may be followed here too:
 * counters are compared before and after, and at least.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PollerMetricsIntegrationTests extends StageTestSupport {

	private static final Map<String, String> GENERIC = Map.of("application", "reelay-poller", "stage", "poller",
			"provider", "generic");

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@LocalServerPort
	private int port;

	private ActuatorClient actuator;

	@DynamicPropertySource
	static void pollerSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.providers.openai.request-timeout", () -> "500ms");
		registry.add("reelay.poller.delay-tiers", () -> "100ms,200ms,400ms,800ms,1600ms");
		registry.add("reelay.poller.schedule.first-check", () -> "200ms");
		registry.add("reelay.poller.schedule.initial-gap", () -> "200ms");
		registry.add("reelay.poller.schedule.min-gap", () -> "100ms");
		registry.add("reelay.poller.schedule.max-gap", () -> "1s");
	}

	@BeforeEach
	void connectActuator() {
		this.actuator = new ActuatorClient(this.port);
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.completed", "video.failed" };
	}

	@Test
	void countsTheStatusCallsOfAJobByAnswerIncludingA429() {
		String prompt = "a metered lighthouse " + Events.newRequestId();
		simulator.faults()
			.add(new FaultRule("generic", Operation.STATUS, Fault.RATE_LIMIT, 1, prompt).withRetryAfterSeconds(1));
		double ok = calls("200");
		double throttled = calls("429");
		double requests = this.actuator.sample("reelay_requests_total", GENERIC);
		double checksThatEnded = this.actuator.sample("reelay_stage_latency_seconds_count", GENERIC);
		VideoSubmitted job = submitted(this.jobs.start(prompt), Instant.now().plusSeconds(60));

		this.watcher.awaitEvent("video.completed", job.requestId(), VideoCompleted.class);

		await().untilAsserted(() -> {
			assertThat(calls("200")).isGreaterThanOrEqualTo(ok + 1);
			assertThat(calls("429")).isGreaterThanOrEqualTo(throttled + 1);
			assertThat(this.actuator.sample("reelay_requests_total", GENERIC)).isGreaterThanOrEqualTo(requests + 1);
			assertThat(this.actuator.sample("reelay_stage_latency_seconds_count", GENERIC))
				.isGreaterThanOrEqualTo(checksThatEnded + 1);
		});
		assertThat(this.actuator.sample("reelay_provider_latency_seconds_count", with(GENERIC, "call", "status")))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void countsAStatusCallThatGotNoAnswerAsAnIoError() {
		Map<String, String> openai = Map.of("stage", "poller", "provider", "openai", "call", "status");
		double unanswered = this.actuator.sample("reelay_provider_calls_total", with(openai, "status", "io-error"));
		double notFound = this.actuator.sample("reelay_provider_calls_total", with(openai, "status", "404"));
		// the first check waits for an answer longer than the request timeout
		simulator.faults()
			.add(new FaultRule("openai", Operation.STATUS, Fault.SLOW, 1, null, 0, Duration.ofSeconds(2), 0));
		Instant now = Instant.now();
		VideoSubmitted job = new VideoSubmitted(1, Events.newRequestId(), "openai", "sora-2", "video_metered_unknown",
				"queued", now, now, now.plusSeconds(30), Map.of());
		this.publisher.publishEvent("video.submitted", job.requestId(), job);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.NOT_FOUND);
		assertThat(this.actuator.sample("reelay_provider_calls_total", with(openai, "status", "io-error")))
			.isEqualTo(unanswered + 1);
		assertThat(this.actuator.sample("reelay_provider_calls_total", with(openai, "status", "404")))
			.isEqualTo(notFound + 1);
	}

	@Test
	void showsAJobInFlightUntilItEndsAndCountsHowItFailed() {
		Map<String, String> timeouts = with(GENERIC, "code", FailureCode.TIMEOUT.name());
		double timedOut = this.actuator.sample("reelay_failures_total", timeouts);
		VideoSubmitted job = submitted(this.jobs.start("a metered eternity [sim:stuck]"), Instant.now().plusSeconds(4));

		double followed = await().until(() -> this.actuator.sample("reelay_jobs_in_flight", GENERIC),
				(count) -> count >= 1);
		VideoFailed failed = this.watcher.awaitEvent("video.failed", job.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
		await().untilAsserted(() -> {
			assertThat(this.actuator.sample("reelay_failures_total", timeouts)).isEqualTo(timedOut + 1);
			assertThat(this.actuator.sample("reelay_jobs_in_flight", GENERIC)).isLessThanOrEqualTo(followed - 1);
		});
	}

	@Test
	void isReadyWithTheBrokerAloneAsItUsesNoBucket() {
		ActuatorClient.Health readiness = this.actuator.health("/health/readiness");

		assertThat(readiness.httpStatus()).isEqualTo(200);
		assertThat(readiness.status("kafka")).isEqualTo("UP");
		assertThat(readiness.status("s3")).isEmpty();
		assertThat(this.actuator.health("/health/liveness").status()).isEqualTo("UP");
	}

	private double calls(String status) {
		return this.actuator.sample("reelay_provider_calls_total",
				with(with(GENERIC, "call", "status"), "status", status));
	}

	private VideoSubmitted submitted(String taskId, Instant deadline) {
		VideoSubmitted job = Events.aSubmittedJob(Events.newRequestId(), taskId, deadline);
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
		return job;
	}

	private static Map<String, String> with(Map<String, String> labels, String name, String value) {
		Map<String, String> all = new HashMap<>(labels);
		all.put(name, value);
		return all;
	}

}
