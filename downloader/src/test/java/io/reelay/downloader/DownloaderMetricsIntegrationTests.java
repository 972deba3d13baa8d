package io.reelay.downloader;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Usage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.testing.ActuatorClient;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.SimulatorJobs.FinishedJob;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.TestInfrastructure;
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
 * The downloader's meters and probes over HTTP, from a downloader storing videos the
 * simulator made. Counters are compared before and after, as other tests of the class
 * count too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DownloaderMetricsIntegrationTests extends StageTestSupport {

	private static final Map<String, String> GENERIC = Map.of("application", "reelay-downloader", "provider",
			"generic");

	private static final Map<String, String> STAGE = with(GENERIC, "stage", "downloader");

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@LocalServerPort
	private int port;

	private ActuatorClient actuator;

	@DynamicPropertySource
	static void storageSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.storage.endpoint", () -> TestInfrastructure.s3().endpoint());
		registry.add("reelay.storage.access-key", () -> TestInfrastructure.s3().accessKey());
		registry.add("reelay.storage.secret-key", () -> TestInfrastructure.s3().secretKey());
		registry.add("reelay.storage.bucket", () -> "metrics-tests");
		registry.add("reelay.downloader.allowed-hosts", () -> "127.0.0.1:" + simulator.baseUrl().getPort());
		registry.add("reelay.downloader.retry.first-wait", () -> "50ms");
		registry.add("reelay.downloader.retry.max-wait", () -> "100ms");
		registry.add("reelay.downloader.retry.max-attempts", () -> 2);
	}

	@BeforeEach
	void connectActuator() {
		this.actuator = new ActuatorClient(this.port);
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.stored", "video.failed" };
	}

	@Test
	void countsTheStoredVideoItsBytesItsCostAndTheDownloadCall() {
		Map<String, Double> before = counts();
		VideoCompleted completed = completed(this.jobs.startFinished("a metered koi pond"),
				Usage.reportedCredits(1050.0));

		VideoStored stored = this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

		await().untilAsserted(() -> assertThat(delta(before)).containsEntry("stored", 1.0)
			.containsEntry("bytes", (double) stored.size())
			.containsEntry("credits", 1050.0)
			.containsEntry("requests", 1.0)
			.containsEntry("downloads200", 1.0)
			.containsEntry("latency", 1.0));
		assertThat(stored.size()).isEqualTo(simulator.videoOf(completed.providerTaskId()).length);
		assertThat(this.actuator.sample("reelay_jobs_in_flight", STAGE)).isZero();
	}

	@Test
	void countsAVideoThatIsNoMp4AsAFailureByItsCode() {
		Map<String, String> invalid = with(STAGE, "code", FailureCode.INVALID_CONTENT.name());
		double failures = this.actuator.sample("reelay_failures_total", invalid);
		Map<String, Double> before = counts();
		VideoCompleted completed = completed(this.jobs.startFinished("a metered broken CDN [sim:not-mp4]"), null);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", completed.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_CONTENT);
		await().untilAsserted(
				() -> assertThat(this.actuator.sample("reelay_failures_total", invalid)).isEqualTo(failures + 1));
		assertThat(delta(before)).containsEntry("stored", 0.0).containsEntry("bytes", 0.0);
	}

	@Test
	void isReadyWithTheBrokerAndTheBucket() {
		ActuatorClient.Health readiness = this.actuator.health("/health/readiness");

		assertThat(readiness.httpStatus()).isEqualTo(200);
		assertThat(readiness.status("kafka")).isEqualTo("UP");
		assertThat(readiness.status("s3")).isEqualTo("UP");
		assertThat(readiness.details("s3").path("bucket").asString()).isEqualTo("metrics-tests");
	}

	private VideoCompleted completed(FinishedJob job, Usage usage) {
		Instant now = Instant.now();
		VideoCompleted completed = new VideoCompleted(PipelineEvent.CURRENT_SCHEMA_VERSION, Events.newRequestId(),
				"generic", "sim-video-1", job.taskId(), new DownloadLocation(job.videoUrl(), null), usage, now, now,
				now, Map.of());
		this.publisher.publishEvent("video.completed", completed.requestId(), completed);
		return completed;
	}

	/** The counters these tests move, by a short name. */
	private Map<String, Double> counts() {
		String scrape = this.actuator.scrape();
		return Map.of("stored", ActuatorClient.sum(scrape, "reelay_stored_total", GENERIC), "bytes",
				ActuatorClient.sum(scrape, "reelay_stored_bytes_total", GENERIC), "credits",
				ActuatorClient.sum(scrape, "reelay_cost_credits_total", GENERIC), "requests",
				ActuatorClient.sum(scrape, "reelay_requests_total", STAGE), "downloads200",
				ActuatorClient.sum(scrape, "reelay_provider_calls_total",
						with(with(STAGE, "call", "download"), "status", "200")),
				"latency", ActuatorClient.sum(scrape, "reelay_stage_latency_seconds_count", STAGE));
	}

	private Map<String, Double> delta(Map<String, Double> before) {
		Map<String, Double> delta = new HashMap<>();
		counts().forEach((name, value) -> delta.put(name, value - before.get(name)));
		return delta;
	}

	private static Map<String, String> with(Map<String, String> labels, String name, String value) {
		Map<String, String> all = new HashMap<>(labels);
		all.put(name, value);
		return all;
	}

}
