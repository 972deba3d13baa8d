package io.reelay.submitter;

import java.util.Map;

import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.ActuatorClient;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submitter's meters and probes as Prometheus and Kubernetes read them: over HTTP,
 * from a submitter handling real requests. Counters are compared before and after, as
 * other tests of the class count too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SubmitterMetricsIntegrationTests extends StageTestSupport {

	private static final Map<String, String> GENERIC = Map.of("application", "reelay-submitter", "stage", "submitter",
			"provider", "generic");

	@LocalServerPort
	private int port;

	private ActuatorClient actuator;

	@BeforeEach
	void connectActuator() {
		this.actuator = new ActuatorClient(this.port);
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.submitted", "video.failed" };
	}

	@Test
	void countsAnAcceptedSubmissionOnceAndEveryCallItTookIncludingA429() {
		String prompt = "a metered harbour " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.CREATE, Fault.RATE_LIMIT, 1, prompt));
		Map<String, Double> before = counts();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		this.watcher.awaitEvent("video.submitted", request.requestId(), VideoSubmitted.class);

		await().untilAsserted(() -> assertThat(delta(before)).containsEntry("accepted", 1.0)
			.containsEntry("requests", 1.0)
			.containsEntry("calls200", 1.0)
			.containsEntry("calls429", 1.0)
			.containsEntry("latency", 1.0));
		assertThat(delta(before)).containsEntry("refused", 0.0).containsEntry("unknown", 0.0);
		assertThat(this.actuator.sample("reelay_jobs_in_flight", GENERIC)).isZero();
		assertThat(
				this.actuator.sample("reelay_provider_latency_seconds_count", with(GENERIC, Map.of("call", "submit"))))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void countsARefusedSubmissionAsAFailureByItsCode() {
		String prompt = "a metered refusal " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.CREATE, Fault.CONTENT_POLICY, 1, prompt));
		Map<String, Double> before = counts();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code().name()).isEqualTo("CONTENT_POLICY");
		await().untilAsserted(() -> assertThat(delta(before)).containsEntry("refused", 1.0)
			.containsEntry("contentPolicy", 1.0)
			.containsEntry("requests", 1.0));
		assertThat(delta(before)).containsEntry("accepted", 0.0);
	}

	@Test
	void countsARequestForAProviderItDoesNotKnowUnderUnknownWithoutASubmission() {
		Map<String, String> unknown = Map.of("stage", "submitter", "provider", "unknown");
		Map<String, String> invalid = with(unknown, Map.of("code", "INVALID_REQUEST"));
		double failuresBefore = this.actuator.sample("reelay_failures_total", invalid);
		double requestsBefore = this.actuator.sample("reelay_requests_total", unknown);
		Map<String, Double> before = counts();
		VideoRequested request = Events.aRequest().toBuilder().provider("made-up-" + Events.newRequestId()).build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		await().untilAsserted(() -> {
			assertThat(this.actuator.sample("reelay_failures_total", invalid)).isEqualTo(failuresBefore + 1);
			assertThat(this.actuator.sample("reelay_requests_total", unknown)).isEqualTo(requestsBefore + 1);
		});
		assertThat(this.actuator.scrape()).doesNotContain("made-up-");
		assertThat(delta(before)).containsEntry("accepted", 0.0).containsEntry("refused", 0.0);
	}

	@Test
	void exportsTheKafkaClientsOwnMetricsBesideReelays() {
		await().untilAsserted(() -> {
			assertThat(this.actuator.has("kafka_consumer_fetch_manager_records_lag_max")).isTrue();
			assertThat(this.actuator.has("kafka_producer_record_send_total")).isTrue();
		});
	}

	@Test
	void isReadyWithTheBrokerAndTheBucketAndAliveWithoutAskingThem() {
		ActuatorClient.Health readiness = this.actuator.health("/health/readiness");
		ActuatorClient.Health liveness = this.actuator.health("/health/liveness");

		assertThat(readiness.httpStatus()).isEqualTo(200);
		assertThat(readiness.status()).isEqualTo("UP");
		assertThat(readiness.status("kafka")).isEqualTo("UP");
		assertThat(readiness.details("kafka").path("nodes").asInt()).isEqualTo(1);
		assertThat(readiness.status("s3")).isEqualTo("UP");
		assertThat(readiness.details("s3").path("bucket").asString()).isEqualTo("reelay-videos");
		assertThat(readiness.status("readinessState")).isEqualTo("UP");
		assertThat(liveness.httpStatus()).isEqualTo(200);
		assertThat(liveness.status()).isEqualTo("UP");
		assertThat(liveness.status("kafka")).isEmpty();
		assertThat(liveness.status("s3")).isEmpty();
	}

	/** The counters these tests move, by a short name. */
	private Map<String, Double> counts() {
		String scrape = this.actuator.scrape();
		Map<String, String> submissions = Map.of("application", "reelay-submitter", "provider", "generic");
		return Map.of("requests", ActuatorClient.sum(scrape, "reelay_requests_total", GENERIC), "accepted",
				ActuatorClient.sum(scrape, "reelay_submissions_total",
						with(submissions, Map.of("outcome", "accepted"))),
				"refused",
				ActuatorClient.sum(scrape, "reelay_submissions_total", with(submissions, Map.of("outcome", "refused"))),
				"unknown",
				ActuatorClient.sum(scrape, "reelay_submissions_total", with(submissions, Map.of("outcome", "unknown"))),
				"calls200",
				ActuatorClient.sum(scrape, "reelay_provider_calls_total",
						with(GENERIC, Map.of("call", "submit", "status", "200"))),
				"calls429",
				ActuatorClient.sum(scrape, "reelay_provider_calls_total",
						with(GENERIC, Map.of("call", "submit", "status", "429"))),
				"contentPolicy",
				ActuatorClient.sum(scrape, "reelay_failures_total", with(GENERIC, Map.of("code", "CONTENT_POLICY"))),
				"latency", ActuatorClient.sum(scrape, "reelay_stage_latency_seconds_count", GENERIC));
	}

	private Map<String, Double> delta(Map<String, Double> before) {
		Map<String, Double> now = counts();
		Map<String, Double> delta = new java.util.TreeMap<>();
		now.forEach((name, value) -> delta.put(name, value - before.get(name)));
		return delta;
	}

	private static Map<String, String> with(Map<String, String> labels, Map<String, String> more) {
		Map<String, String> all = new java.util.HashMap<>(labels);
		all.putAll(more);
		return all;
	}

}
