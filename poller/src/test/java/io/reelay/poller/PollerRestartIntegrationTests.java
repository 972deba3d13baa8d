package io.reelay.poller;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.reelay.event.VideoSubmitted;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.TopicWatcher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poller killed with SIGKILL in the middle of a run, then started again: every job
 * still ends, and none ends twice. Each poller is its own JVM, as in production, so the
 * kill is a real one.
 */
class PollerRestartIntegrationTests {

	private static final int JOBS = 40;

	private final ProviderSimulator simulator = startSimulator();

	private final List<Process> pollers = new ArrayList<>();

	@AfterEach
	void stopEverything() {
		this.pollers.forEach(Process::destroyForcibly);
		this.simulator.close();
	}

	@Test
	void aPollerKilledMidRunLosesNoJobAndEndsNoneTwice() throws Exception {
		createTopics("video.submitted", "video.completed", "video.failed");
		Set<String> requestIds = new HashSet<>();
		try (RecordPublisher publisher = new RecordPublisher(TestInfrastructure.kafkaBootstrapServers());
				TopicWatcher watcher = new TopicWatcher(TestInfrastructure.kafkaBootstrapServers(), "video.completed",
						"video.failed")) {
			for (int i = 0; i < JOBS; i++) {
				// 1 to 8 seconds each, so jobs end before, during and after the kill
				Duration takes = Duration.ofMillis(1000 + 175L * i);
				String taskId = this.simulator.tasks().seed("generic", "sim-video-1", "job " + i, takes).id();
				Instant now = Instant.now();
				VideoSubmitted job = new VideoSubmitted(1, Events.newRequestId(), "generic", "sim-video-1", taskId,
						"queued", now, now, now.plusSeconds(120), Map.of());
				publisher.publishEvent("video.submitted", job.requestId(), job);
				requestIds.add(job.requestId());
			}

			Process first = startPoller("first");
			watcher.awaitRecords("video.completed", (record) -> requestIds.contains(record.key()), JOBS / 4);
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			int endedBeforeTheKill = ended(watcher, requestIds).size();
			startPoller("second");

			watcher.awaitRecords("video.completed", (record) -> requestIds.contains(record.key()), JOBS);
			Map<String, Long> endings = ended(watcher, requestIds).stream()
				.collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));

			assertThat(endedBeforeTheKill).isLessThan(JOBS);
			assertThat(endings).hasSize(JOBS).allSatisfy((requestId, count) -> assertThat(count).isOne());
			assertThat(watcher.recordsNow("video.failed", (record) -> requestIds.contains(record.key()))).isEmpty();
		}
	}

	/** The pollers declare these too, but the jobs are published before they start. */
	private static void createTopics(String... names) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = Arrays.stream(names)
				.filter((name) -> !existing.contains(name))
				.map((name) -> new NewTopic(name, 3, (short) 1))
				.toList();
			admin.createTopics(missing).all().get();
		}
	}

	private static List<ConsumerRecord<String, byte[]>> ended(TopicWatcher watcher, Set<String> requestIds) {
		return watcher.recordsNow("video.completed", (record) -> requestIds.contains(record.key()));
	}

	/**
	 * A poller JVM with the test's classpath. Both get the same instance id: the second
	 * fences the first's unfinished transaction at once, as a restarted pod would.
	 */
	private Process startPoller(String name) throws IOException {
		Map<String, String> settings = Map.ofEntries(
				Map.entry("reelay.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers()),
				Map.entry("reelay.kafka.partitions", "3"),
				// a killed member leaves the group when its session times out: keep that
				// short
				Map.entry("reelay.kafka.client.session.timeout.ms", "6000"),
				Map.entry("reelay.providers.generic.base-url", this.simulator.baseUrl("generic").toString()),
				Map.entry("reelay.providers.generic.api-key", this.simulator.apiKey()),
				Map.entry("reelay.kafka.instance-id", "restart-test"),
				Map.entry("reelay.poller.delay-tiers", "100ms,200ms,400ms,800ms,1600ms"),
				Map.entry("reelay.poller.schedule.first-check", "500ms"),
				Map.entry("reelay.poller.schedule.initial-gap", "300ms"),
				Map.entry("reelay.poller.schedule.min-gap", "200ms"), Map.entry("reelay.poller.schedule.max-gap", "1s"),
				Map.entry("spring.main.banner-mode", "off"), Map.entry("server.port", "0"));
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx256m", "-cp",
				System.getProperty("java.class.path"), PollerApplication.class.getName()));
		settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		File log = Path.of("target", "restart-poller-" + name + ".log").toFile();
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log))
			.start();
		this.pollers.add(process);
		return process;
	}

	private static String javaCommand() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static ProviderSimulator startSimulator() {
		try {
			return ProviderSimulator.start(SimulatorSettings.forTests());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
