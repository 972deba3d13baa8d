package io.reelay.downloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.reelay.event.VideoCompleted;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.SimulatorJobs.FinishedJob;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.TopicWatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly one terminal event per request, whatever Kafka delivers again: copies of a
 * record, a group replayed from the start, downloads ending out of order across a
 * restart, a shutdown in the middle of a download. Each downloader is a Spring context of
 * its own, closed as SIGTERM would close it, on the test JVM's broker and S3 server.
 */
@ExtendWith(OutputCaptureExtension.class)
class DownloaderReplayIntegrationTests {

	private static final int PARTITIONS = 3;

	private static final ProviderSimulator simulator = startSimulator();

	private static final HeldVideos videos = HeldVideos.start();

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	private final List<ConfigurableApplicationContext> downloaders = new ArrayList<>();

	private final String kafka = TestInfrastructure.kafkaBootstrapServers();

	private RecordPublisher publisher;

	private TopicWatcher watcher;

	private DownloaderGroup group;

	@BeforeEach
	void connect() {
		this.publisher = new RecordPublisher(this.kafka);
		this.watcher = new TopicWatcher(this.kafka, "video.completed", "video.stored", "video.failed");
		this.group = new DownloaderGroup(this.kafka);
	}

	@AfterEach
	void stopDownloaders() {
		// a test that failed half-way leaves nothing held for the next one
		videos.releaseAll();
		this.downloaders.forEach(ConfigurableApplicationContext::close);
		this.publisher.close();
		this.watcher.close();
		this.group.close();
	}

	@AfterAll
	static void stopServers() {
		videos.close();
		simulator.close();
	}

	@Test
	void theSameCompletionPublishedTwiceIsStoredAndAnnouncedOnce() {
		startDownloader("replay-twice");
		FinishedJob job = this.jobs.startFinished("a sunrise delivered twice");
		VideoCompleted completed = publish(Events.aCompletedJob(Events.newRequestId(), job.taskId(), job.videoUrl()));
		this.watcher.awaitRecord("video.stored", completed.requestId());

		publish(completed);
		this.group.awaitCommittedPast(copies(completed).get(1));

		assertThat(stored(completed)).hasSize(1);
		assertThat(simulator.tasks().downloadsOf(job.taskId())).isEqualTo(1);
	}

	@Test
	void aCopyArrivingWhileItsRequestDownloadsStartsNoSecondDownload(CapturedOutput output) {
		startDownloader("replay-copy");
		String requestId = Events.newRequestId();
		String path = "/copy-" + requestId + ".mp4";
		VideoCompleted completed = publish(Events.aCompletedJob(requestId, "t-copy", videos.held(path)));
		await().atMost(Duration.ofSeconds(30)).until(() -> videos.requests(path) == 1);

		publish(completed);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut().contains("request " + requestId + ": record")
					&& output.getOut().contains("is a copy of request " + requestId));
		ConsumerRecord<String, byte[]> first = copies(completed).get(0);
		assertThat(this.group.committed(first.partition())).isLessThanOrEqualTo(first.offset());
		videos.release(path);
		this.group.awaitCommittedPast(copies(completed).get(1));

		assertThat(stored(completed)).hasSize(1);
		assertThat(videos.requests(path)).isEqualTo(1);
	}

	@Test
	void aGroupReplayedFromTheStartAnnouncesNothingAgainAfterARestart() {
		ConfigurableApplicationContext first = startDownloader("replay-reset");
		FinishedJob job = this.jobs.startFinished("a replayed harbour");
		VideoCompleted completed = publish(Events.aCompletedJob(Events.newRequestId(), job.taskId(), job.videoUrl()));
		this.watcher.awaitRecord("video.stored", completed.requestId());
		first.close();

		this.group.resetToStart();
		assertThat(this.group.committed(copies(completed).get(0).partition())).isZero();
		ConfigurableApplicationContext second = startDownloader("replay-reset");
		this.group.awaitCaughtUp();

		assertThat(stored(completed)).hasSize(1);
		assertThat(simulator.tasks().downloadsOf(job.taskId())).isEqualTo(1);
		// the restarted downloader read what its former self stored from the ledger
		assertThat(second.getBean(RequestLedger.class).find(completed.requestId()))
			.hasValueSatisfying((entry) -> assertThat(entry.state()).isEqualTo(RequestState.STORED));
	}

	@Test
	void downloadsEndingOutOfOrderOnOnePartitionAreEachAnnouncedOnceAcrossARestart(CapturedOutput output) {
		ConfigurableApplicationContext first = startDownloader("replay-order", "reelay.downloader.shutdown-timeout",
				"1s", "reelay.downloader.read-timeout", "2s");
		String slowId = Events.newRequestId();
		String fastId = onSamePartitionAs(slowId);
		String slowPath = "/slow-" + slowId + ".mp4";
		VideoCompleted slow = publish(Events.aCompletedJob(slowId, "t-slow", videos.held(slowPath)));
		await().atMost(Duration.ofSeconds(30)).until(() -> videos.requests(slowPath) >= 1);
		VideoCompleted fast = publish(Events.aCompletedJob(fastId, "t-fast", videos.url("/fast-" + fastId + ".mp4")));
		this.watcher.awaitRecord("video.stored", fastId);

		// the fast one is announced, but the partition is not committed past the slow one
		ConsumerRecord<String, byte[]> slowRecord = copies(slow).get(0);
		assertThat(this.group.committed(slowRecord.partition())).isLessThanOrEqualTo(slowRecord.offset());
		first.close();
		assertThat(stored(slow)).isEmpty();
		assertThat(this.group.committed(slowRecord.partition())).isLessThanOrEqualTo(slowRecord.offset());

		videos.release(slowPath);
		startDownloader("replay-order");
		this.group.awaitCommittedPast(copies(fast).get(0));

		assertThat(stored(slow)).hasSize(1);
		assertThat(stored(fast)).hasSize(1);
		assertThat(output.getOut()).contains("request " + fastId + ": already STORED");
	}

	@Test
	void aDownloadRunningWhenTheDownloaderStopsEndsWithinTheShutdownTimeoutAndIsAnnouncedOnce(CapturedOutput output)
			throws Exception {
		ConfigurableApplicationContext first = startDownloader("replay-shutdown", "reelay.downloader.shutdown-timeout",
				"30s");
		String requestId = Events.newRequestId();
		String path = "/shutdown-" + requestId + ".mp4";
		VideoCompleted completed = publish(Events.aCompletedJob(requestId, "t-shutdown", videos.held(path)));
		await().atMost(Duration.ofSeconds(30)).until(() -> videos.requests(path) == 1);

		CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut().contains("stopping: letting running downloads end"));
		assertThat(closing).isNotDone();
		videos.release(path);
		closing.get(60, TimeUnit.SECONDS);

		// published by the downloader that stopped, before it was gone
		assertThat(stored(completed)).hasSize(1);
		this.group.awaitCommittedPast(copies(completed).get(0));
		startDownloader("replay-shutdown");
		this.group.awaitCaughtUp();
		assertThat(stored(completed)).hasSize(1);
		assertThat(videos.requests(path)).isEqualTo(1);
	}

	@Test
	void aPartitionMovingToANewDownloaderFirstCommitsTheDownloadRunningOnIt(CapturedOutput output) {
		startDownloader("replay-move-a");
		// one held download on each partition: whichever moves has one running
		List<String> paths = new ArrayList<>();
		List<VideoCompleted> published = new ArrayList<>();
		for (int partition = 0; partition < PARTITIONS; partition++) {
			String requestId = onPartition(partition);
			String path = "/move-" + requestId + ".mp4";
			published.add(publish(Events.aCompletedJob(requestId, "t-move", videos.held(path))));
			paths.add(path);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> paths.stream().allMatch((path) -> videos.requests(path) == 1));

		startDownloader("replay-move-b");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> output.getOut().contains("move to another consumer: letting their downloads end"));
		paths.forEach(videos::release);
		published.forEach((completed) -> this.group.awaitCommittedPast(copies(completed).get(0)));

		for (VideoCompleted completed : published) {
			assertThat(stored(completed)).hasSize(1);
		}
		assertThat(paths).allSatisfy((path) -> assertThat(videos.requests(path)).isEqualTo(1));
		assertThat(output.getOut()).doesNotContain("downloads abandoned");
	}

	private VideoCompleted publish(VideoCompleted completed) {
		this.publisher.publishEvent("video.completed", completed.requestId(), completed);
		return completed;
	}

	/** The request's records on {@code video.completed}, in order. */
	private List<ConsumerRecord<String, byte[]>> copies(VideoCompleted completed) {
		return CommittedRecords.of(this.kafka, "video.completed", completed.requestId());
	}

	private List<ConsumerRecord<String, byte[]>> stored(VideoCompleted completed) {
		return CommittedRecords.of(this.kafka, "video.stored", completed.requestId());
	}

	private static String onSamePartitionAs(String requestId) {
		return onPartition(DownloaderGroup.partitionOf(requestId, PARTITIONS));
	}

	private static String onPartition(int partition) {
		String requestId = Events.newRequestId();
		while (DownloaderGroup.partitionOf(requestId, PARTITIONS) != partition) {
			requestId = Events.newRequestId();
		}
		return requestId;
	}

	/**
	 * A downloader with fast retries; a restarted one gets the instance id it had, as a
	 * restarted pod would.
	 */
	private ConfigurableApplicationContext startDownloader(String instanceId, String... settings) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("reelay.kafka.bootstrap-servers", this.kafka);
		properties.put("reelay.kafka.partitions", Integer.toString(PARTITIONS));
		properties.put("reelay.kafka.instance-id", instanceId);
		for (String provider : simulator.providers()) {
			properties.put("reelay.providers." + provider + ".base-url", simulator.baseUrl(provider).toString());
			properties.put("reelay.providers." + provider + ".api-key", simulator.apiKey());
		}
		properties.put("reelay.storage.endpoint", TestInfrastructure.s3().endpoint().toString());
		properties.put("reelay.storage.access-key", TestInfrastructure.s3().accessKey());
		properties.put("reelay.storage.secret-key", TestInfrastructure.s3().secretKey());
		properties.put("reelay.storage.bucket", "replay-tests");
		properties.put("reelay.downloader.allowed-hosts",
				"127.0.0.1:" + simulator.baseUrl().getPort() + ",127.0.0.1:" + videos.port());
		properties.put("reelay.downloader.retry.first-wait", "50ms");
		properties.put("reelay.downloader.retry.max-wait", "100ms");
		properties.put("reelay.downloader.retry.max-attempts", "4");
		properties.put("spring.main.banner-mode", "off");
		// several downloaders at once, each on any free HTTP port
		properties.put("server.port", "0");
		for (int i = 0; i + 1 < settings.length; i += 2) {
			properties.put(settings[i], settings[i + 1]);
		}
		String[] args = properties.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(DownloaderApplication.class).run(args);
		this.downloaders.add(context);
		return context;
	}

	private static ProviderSimulator startSimulator() {
		try {
			return ProviderSimulator.start(SimulatorSettings.forTests());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
