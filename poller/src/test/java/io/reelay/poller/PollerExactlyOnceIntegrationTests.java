package io.reelay.poller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoSubmitted;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.TopicWatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller ends each request once, whatever is delivered again: a duplicate or replayed
 * {@code video.submitted}, a poison record, a transaction that fails, a stop in the
 * middle of a batch. Each test runs its own poller contexts in this JVM on the shared
 * broker, and counts what reached the topics.
 */
class PollerExactlyOnceIntegrationTests {

	private static final String PARTITIONS = "3";

	private static final List<String> TIERS = List.of("video.poll-delay-100ms", "video.poll-delay-200ms",
			"video.poll-delay-400ms", "video.poll-delay-800ms", "video.poll-delay-1600ms");

	private static ProviderSimulator simulator;

	private static PollerGroupProbe group;

	private final List<ConfigurableApplicationContext> pollers = new ArrayList<>();

	private RecordPublisher publisher;

	private TopicWatcher watcher;

	@BeforeAll
	static void startSimulatorAndTopics() throws IOException {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests());
		group = new PollerGroupProbe(TestInfrastructure.kafkaBootstrapServers());
		List<String> topics = new ArrayList<>(
				List.of("video.submitted", "video.submitted-dlt", "video.completed", "video.failed"));
		topics.addAll(TIERS);
		group.createTopics(topics, Integer.parseInt(PARTITIONS));
	}

	@AfterAll
	static void stopSimulator() {
		group.close();
		simulator.close();
	}

	@BeforeEach
	void connect() {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		this.publisher = new RecordPublisher(bootstrap);
		this.watcher = new TopicWatcher(bootstrap, "video.submitted", "video.submitted-dlt", "video.completed",
				"video.failed");
	}

	@AfterEach
	void stopPollers() {
		this.pollers.forEach(ConfigurableApplicationContext::close);
		this.publisher.close();
		this.watcher.close();
		simulator.faults().clear();
	}

	@Test
	void aVideoSubmittedDeliveredAgainCompletesItOnce() {
		startPoller();
		VideoSubmitted job = job("a second delivery", Duration.ofMillis(500));
		publish(job);
		publish(job);
		this.watcher.awaitRecord("video.completed", job.requestId());
		long checks = statusCalls(job);

		publish(job);
		group.awaitHandled(this.watcher.awaitRecords("video.submitted", (record) -> isOf(record, job), 3));

		assertThat(terminal("video.completed", job)).hasSize(1);
		assertThat(terminal("video.failed", job)).isEmpty();
		assertThat(statusCalls(job)).as("status calls after the job completed").isEqualTo(checks);
	}

	@Test
	void twoPendingPollsOfOneRequestInOneBatchCompleteItOnce() {
		VideoSubmitted job = job("two chains", Duration.ZERO);
		// two chains of pending polls meet: both due, on one partition, read in one poll
		this.publisher.publishEvent(TIERS.get(0), job.requestId(), job);
		this.publisher.publishEvent(TIERS.get(0), job.requestId(), job);
		startPoller();

		this.watcher.awaitRecord("video.completed", job.requestId());
		group.awaitCaughtUp(partitionOf(job.requestId()), inputTopics());

		assertThat(statusCalls(job)).isEqualTo(1);
		assertThat(terminal("video.completed", job)).hasSize(1);
	}

	@Test
	void aPollerGroupReplayedFromTheStartEndsNoRequestAgain() {
		ConfigurableApplicationContext first = startPoller();
		VideoSubmitted job = job("a replayed topic", Duration.ofMillis(300));
		publish(job);
		this.watcher.awaitRecord("video.completed", job.requestId());
		close(first);
		Map<String, Integer> endedBefore = group.terminalEventsPerRequest();

		Map<TopicPartition, Long> ends = group.resetToStart(inputTopics());
		startPoller();
		group.awaitHandledUpTo(ends);

		Map<String, Integer> endedAfter = group.terminalEventsPerRequest();
		assertThat(endedAfter).containsEntry(job.requestId(), 1);
		endedBefore.forEach((requestId, count) -> assertThat(endedAfter.get(requestId))
			.as("terminal events of %s after the replay", requestId)
			.isEqualTo(count));
	}

	@Test
	void aPoisonRecordInABatchIsDeadLetteredOnceAndTheGoodRecordsStillComplete() {
		String poisonId = Events.newRequestId();
		byte[] poison = "{\"requestId\": \"half a record".getBytes(StandardCharsets.UTF_8);
		VideoSubmitted before = job("before the poison", Duration.ZERO, partitionOf(poisonId));
		VideoSubmitted after = job("after the poison", Duration.ZERO, partitionOf(poisonId));
		// published before the poller starts: one partition, one poll, one batch
		publish(before);
		this.publisher.publishBytes("video.submitted", poisonId, poison);
		publish(after);
		startPoller();

		this.watcher.awaitRecord("video.completed", before.requestId());
		this.watcher.awaitRecord("video.completed", after.requestId());
		VideoFailed failed = this.watcher.awaitEvent("video.failed", poisonId, VideoFailed.class);
		this.publisher.publishBytes("video.submitted", poisonId, poison);
		group.awaitHandled(this.watcher.awaitRecords("video.submitted", (record) -> poisonId.equals(record.key()), 2));

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(group.recordsOf("video.submitted-dlt", (record) -> poisonId.equals(record.key()))).singleElement()
			.satisfies((letter) -> assertThat(letter.value()).isEqualTo(poison));
		assertThat(group.recordsOf("video.failed", (record) -> poisonId.equals(record.key()))).hasSize(1);
		assertThat(terminal("video.completed", before)).hasSize(1);
		assertThat(terminal("video.completed", after)).hasSize(1);
	}

	@Test
	void aBatchWhoseTransactionIsFencedIsHandledAgainWithoutDuplicates() {
		String instance = "fenced-" + UUID.randomUUID();
		startPoller(instance);
		String prompt = "a fenced batch " + UUID.randomUUID();
		simulator.faults()
			.add(new FaultRule("generic", Operation.STATUS, Fault.SLOW, 1, prompt).withDelay(Duration.ofSeconds(2)));
		VideoSubmitted job = job(prompt, Duration.ZERO);
		publish(job);
		await().atMost(Duration.ofSeconds(30)).until(() -> statusCalls(job) >= 1);

		// while the batch waits for its status answer, another producer takes the loop's
		// transaction id: the batch's transaction fails, and so does its commit
		int fenced = group.fenceTransactions("reelay-poller-" + instance + "-loop-0-");
		this.watcher.awaitRecord("video.completed", job.requestId());
		group.awaitCaughtUp(partitionOf(job.requestId()), inputTopics());

		assertThat(fenced).isPositive();
		assertThat(statusCalls(job)).as("the fenced batch was handled again").isGreaterThanOrEqualTo(2);
		assertThat(terminal("video.completed", job)).hasSize(1);
		assertThat(terminal("video.failed", job)).isEmpty();
	}

	@Test
	void aRestartedPollerReadsWhatItEndedFromItsLedgerAndDropsAReplay() {
		ConfigurableApplicationContext first = startPoller();
		VideoSubmitted job = job("ended before the restart", Duration.ZERO);
		publish(job);
		this.watcher.awaitRecord("video.completed", job.requestId());
		close(first);
		long checks = statusCalls(job);

		RequestLedger ledger = startPoller().getBean(RequestLedger.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> ledger.find(job.requestId()).isPresent());
		publish(job);
		group.awaitHandled(this.watcher.awaitRecords("video.submitted", (record) -> isOf(record, job), 2));

		assertThat(ledger.find(job.requestId())).hasValueSatisfying((entry) -> {
			assertThat(entry.state()).isEqualTo(RequestState.COMPLETED);
			assertThat(entry.providerTaskId()).isEqualTo(job.providerTaskId());
		});
		assertThat(statusCalls(job)).as("status calls after the restart").isEqualTo(checks);
		assertThat(terminal("video.completed", job)).hasSize(1);
	}

	@Test
	void stoppingFinishesAndCommitsTheBatchInHand() {
		ConfigurableApplicationContext poller = startPoller();
		String prompt = "stopped mid-batch " + UUID.randomUUID();
		simulator.faults()
			.add(new FaultRule("generic", Operation.STATUS, Fault.SLOW, 1, prompt).withDelay(Duration.ofSeconds(2)));
		VideoSubmitted job = job(prompt, Duration.ZERO);
		publish(job);
		await().atMost(Duration.ofSeconds(30)).until(() -> statusCalls(job) >= 1);

		close(poller);

		// no poller runs any more: what is there, the stopped one committed
		this.watcher.awaitRecord("video.completed", job.requestId());
		assertThat(statusCalls(job)).isEqualTo(1);
		assertThat(terminal("video.completed", job)).hasSize(1);
	}

	@Test
	void aBatchUnfinishedAtTheShutdownTimeoutIsHandedBackAndHandledByTheNextPoller() {
		ConfigurableApplicationContext poller = startPoller("handed-back-" + UUID.randomUUID(),
				"reelay.poller.shutdown-timeout=300ms");
		String prompt = "handed back " + UUID.randomUUID();
		simulator.faults()
			.add(new FaultRule("generic", Operation.STATUS, Fault.SLOW, 1, prompt).withDelay(Duration.ofSeconds(6)));
		VideoSubmitted job = job(prompt, Duration.ZERO);
		publish(job);
		await().atMost(Duration.ofSeconds(30)).until(() -> statusCalls(job) >= 1);

		long started = System.nanoTime();
		close(poller);
		Duration stopping = Duration.ofNanos(System.nanoTime() - started);
		assertThat(terminal("video.completed", job)).isEmpty();
		startPoller();

		this.watcher.awaitRecord("video.completed", job.requestId());
		group.awaitCaughtUp(partitionOf(job.requestId()), inputTopics());
		assertThat(stopping).as("time to stop").isLessThan(Duration.ofSeconds(6));
		assertThat(statusCalls(job)).isEqualTo(2);
		assertThat(terminal("video.completed", job)).hasSize(1);
	}

	private ConfigurableApplicationContext startPoller() {
		return startPoller("exactly-once-" + UUID.randomUUID());
	}

	private ConfigurableApplicationContext startPoller(String instanceId, String... settings) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("reelay.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
		properties.put("reelay.kafka.partitions", PARTITIONS);
		properties.put("reelay.kafka.instance-id", instanceId);
		properties.put("reelay.providers.generic.base-url", simulator.baseUrl("generic").toString());
		properties.put("reelay.providers.generic.api-key", simulator.apiKey());
		properties.put("reelay.poller.delay-tiers", "100ms,200ms,400ms,800ms,1600ms");
		properties.put("reelay.poller.schedule.first-check", "200ms");
		properties.put("reelay.poller.schedule.initial-gap", "200ms");
		properties.put("reelay.poller.schedule.min-gap", "100ms");
		properties.put("reelay.poller.schedule.max-gap", "1s");
		properties.put("spring.main.banner-mode", "off");
		// several pollers at once, each on any free HTTP port
		properties.put("server.port", "0");
		for (String setting : settings) {
			String[] pair = setting.split("=", 2);
			properties.put(pair[0], pair[1]);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PollerApplication.class)
			.properties(properties)
			.run();
		this.pollers.add(context);
		return context;
	}

	private void close(ConfigurableApplicationContext poller) {
		poller.close();
		this.pollers.remove(poller);
	}

	private VideoSubmitted job(String prompt, Duration takes) {
		return job(prompt, takes, -1);
	}

	/** A job on the simulator, its request on the given partition (any when -1). */
	private static VideoSubmitted job(String prompt, Duration takes, int partition) {
		String requestId = Events.newRequestId();
		while (partition >= 0 && partitionOf(requestId) != partition) {
			requestId = Events.newRequestId();
		}
		String taskId = simulator.tasks().seed("generic", "sim-video-1", prompt, takes).id();
		Instant now = Instant.now();
		return new VideoSubmitted(1, requestId, "generic", "sim-video-1", taskId, "queued", now, now,
				now.plusSeconds(120), Map.of());
	}

	private void publish(VideoSubmitted job) {
		this.publisher.publishEvent("video.submitted", job.requestId(), job);
	}

	/** The records of the job's request on a topic, read to its end. */
	private static List<ConsumerRecord<String, byte[]>> terminal(String topic, VideoSubmitted job) {
		return group.recordsOf(topic, (record) -> isOf(record, job));
	}

	private static boolean isOf(ConsumerRecord<String, byte[]> record, VideoSubmitted job) {
		return job.requestId().equals(record.key());
	}

	private static long statusCalls(VideoSubmitted job) {
		return simulator.tasks().callsOf("status", job.providerTaskId());
	}

	private static List<String> inputTopics() {
		List<String> topics = new ArrayList<>(List.of("video.submitted"));
		topics.addAll(TIERS);
		return topics;
	}

	/** The partition of every co-partitioned topic that holds the request's records. */
	private static int partitionOf(String requestId) {
		return Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8)))
				% Integer.parseInt(PARTITIONS);
	}

}
