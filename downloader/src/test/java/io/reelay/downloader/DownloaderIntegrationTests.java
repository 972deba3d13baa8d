package io.reelay.downloader;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;

import io.reelay.downloader.guard.TrapListener;
import io.reelay.event.FailureCode;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.kafka.WorkTiming;
import io.reelay.storage.ObjectStore;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.SimulatorJobs.FinishedJob;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.StageTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloader on a real broker, fetching from the simulator into a real S3-compatible
 * server. Closed after the class: other classes start downloaders of their own in the
 * same group.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DownloaderIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@Autowired
	private ObjectStore store;

	@Autowired
	private DownloadLoops loops;

	@DynamicPropertySource
	static void storageSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.storage.endpoint", () -> TestInfrastructure.s3().endpoint());
		registry.add("reelay.storage.access-key", () -> TestInfrastructure.s3().accessKey());
		registry.add("reelay.storage.secret-key", () -> TestInfrastructure.s3().secretKey());
		registry.add("reelay.storage.bucket", () -> "downloader-tests");
		registry.add("reelay.downloader.allowed-hosts",
				() -> "127.0.0.1:" + simulator.baseUrl().getPort() + ",127.0.0.1:" + gate.port());
		registry.add("reelay.downloader.max-concurrent", () -> 3);
		registry.add("reelay.downloader.retry.first-wait", () -> "50ms");
		registry.add("reelay.downloader.retry.max-wait", () -> "100ms");
		registry.add("reelay.downloader.retry.max-attempts", () -> 4);
		registry.add("reelay.downloader.presign.enabled", () -> true);
		registry.add("reelay.downloader.presign.valid-for", () -> "2h");
	}

	/** Holds each GET until three are waiting at once: what max-concurrent allows. */
	private static final ConcurrencyGate gate = ConcurrencyGate.start(3);

	@AfterAll
	static void closeGate() {
		gate.close();
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.stored", "video.failed", "video.completed", "video.completed-dlt" };
	}

	@Test
	void storesTheVideoExactlyAsServedUnderAKeyMadeFromTheRequest() throws Exception {
		FinishedJob job = this.jobs.startFinished("a koi pond");
		VideoCompleted completed = completed(job);

		VideoStored stored = this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

		byte[] served = simulator.videoOf(job.taskId());
		var day = completed.requestedAt().atZone(ZoneOffset.UTC);
		assertThat(stored.key()).isEqualTo(String.format("videos/%04d/%02d/%02d/%s.mp4", day.getYear(),
				day.getMonthValue(), day.getDayOfMonth(), completed.requestId()));
		assertThat(stored.bucket()).isEqualTo("downloader-tests");
		assertThat(stored.uri()).isEqualTo("s3://downloader-tests/" + stored.key());
		assertThat(stored.size()).isEqualTo(served.length);
		assertThat(stored.sha256()).isEqualTo(sha256(served));
		assertThat(stored.contentType()).isEqualTo("video/mp4");
		assertThat(stored.providerTaskId()).isEqualTo(job.taskId());
		assertThat(stored.metadata()).isEqualTo(completed.metadata());
		assertThat(stored.timings().completedAt()).isEqualTo(completed.completedAt());
		assertThat(stored.timings().storedAt()).isAfterOrEqualTo(completed.completedAt());
		try (InputStream in = this.store.open(stored.key())) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(served));
		}
		assertThat(this.store.find(stored.key()).orElseThrow().metadata())
			.containsEntry("request-id", completed.requestId())
			.containsEntry("provider", "generic")
			.containsEntry("model", completed.model())
			.containsEntry("sha256", sha256(served));
	}

	@Test
	void stampsWhatEndsARequestWithWhenItsRecordWasTakenAndHowLongTheProviderTookToAnswer() {
		VideoCompleted stored = completed(this.jobs.startFinished("a timed lagoon"));
		VideoCompleted refused = completed(this.jobs.startFinished("a timed broken CDN [sim:not-mp4]"));

		assertTimedWithAProviderCall(this.watcher.awaitRecord("video.stored", stored.requestId()));
		assertTimedWithAProviderCall(this.watcher.awaitRecord("video.failed", refused.requestId()));
	}

	@Test
	void aRedeliveredCompletionOfAStoredVideoIsSkippedWithoutDownloadingOrAnnouncingIt() {
		FinishedJob job = this.jobs.startFinished("a redelivered sunrise");
		VideoCompleted completed = completed(job);
		this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

		this.publisher.publishEvent("video.completed", completed.requestId(), completed);

		try (DownloaderGroup group = new DownloaderGroup(TestInfrastructure.kafkaBootstrapServers())) {
			group.awaitCommittedPast(CommittedRecords
				.of(TestInfrastructure.kafkaBootstrapServers(), "video.completed", completed.requestId())
				.get(1));
		}
		assertThat(
				CommittedRecords.of(TestInfrastructure.kafkaBootstrapServers(), "video.stored", completed.requestId()))
			.hasSize(1);
		assertThat(simulator.tasks().downloadsOf(job.taskId())).isEqualTo(1);
	}

	@Test
	void resumesADownloadCutShortAndStoresTheWholeVideo() throws Exception {
		simulator.faults()
			.add(FaultRule.on("generic", Operation.DOWNLOAD, Fault.TRUNCATE)
				.withPromptContaining("a torn sail")
				.withTimes(1));
		try {
			FinishedJob job = this.jobs.startFinished("a torn sail");
			VideoCompleted completed = completed(job);

			VideoStored stored = this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

			assertThat(stored.sha256()).isEqualTo(sha256(simulator.videoOf(job.taskId())));
			assertThat(simulator.tasks().downloadsOf(job.taskId())).isEqualTo(2);
		}
		finally {
			simulator.faults().clear();
		}
	}

	@Test
	void signsAGetUrlThatServesTheStoredVideo() throws Exception {
		FinishedJob job = this.jobs.startFinished("a presigned pier");
		VideoCompleted completed = completed(job);

		VideoStored stored = this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

		assertThat(stored.download().expiresAt()).isAfter(stored.timings().storedAt().plus(Duration.ofMinutes(119)));
		HttpResponse<byte[]> fetched = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(stored.download().url())).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(fetched.statusCode()).isEqualTo(200);
		assertThat(sha256(fetched.body())).isEqualTo(stored.sha256());
	}

	@Test
	void refusesAUrlThatLeadsIntoTheInternalNetworkWithoutConnecting() throws Exception {
		try (TrapListener trap = TrapListener.start()) {
			VideoCompleted completed = Events.aCompletedJob(Events.newRequestId(), "t-ssrf",
					"http://2130706433:" + trap.port() + "/latest/meta-data/");
			this.publisher.publishEvent("video.completed", completed.requestId(), completed);

			VideoFailed failed = this.watcher.awaitEvent("video.failed", completed.requestId(), VideoFailed.class);

			assertThat(failed.code()).isEqualTo(FailureCode.UNSAFE_URL);
			assertThat(failed.message()).contains("127.0.0.1");
			assertThat(trap.accepted()).isZero();
		}
	}

	@Test
	void downloadsAsManyVideosAtOnceAsMaxConcurrentAllowsAndNoMore() {
		// all six wait in Kafka before the downloader polls, so one poll can fill the
		// pool
		this.loops.stop();
		List<VideoCompleted> published = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			VideoCompleted completed = Events.aCompletedJob(Events.newRequestId(), "t-gate-" + i,
					gate.url("/video-" + i + ".mp4"));
			this.publisher.publishEvent("video.completed", completed.requestId(), completed);
			published.add(completed);
		}
		published.forEach((completed) -> this.watcher.awaitRecord("video.completed", completed.requestId()));
		this.loops.start();

		for (VideoCompleted completed : published) {
			this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);
		}
		assertThat(gate.mostAtOnce()).isEqualTo(3);
	}

	@Test
	void refusesToStoreSomethingThatIsNotAnMp4() {
		FinishedJob job = this.jobs.startFinished("a broken CDN [sim:not-mp4]");
		VideoCompleted completed = completed(job);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", completed.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_CONTENT);
		assertThat(failed.stage()).isEqualTo(Stage.DOWNLOADER);
		assertThat(failed.message()).contains("'<html><b'");
		assertThat(failed.providerTaskId()).isEqualTo(job.taskId());
		assertThat(this.watcher.find("video.stored", completed.requestId())).isEmpty();
	}

	@Test
	void givesUpOnAVideoThatCannotBeFetchedAfterRetryingAndSaysWhy() {
		VideoCompleted completed = Events.aCompletedJob(Events.newRequestId(), "video_gone",
				simulator.baseUrl() + "/nowhere/video_gone.mp4");
		this.publisher.publishEvent("video.completed", completed.requestId(), completed);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", completed.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.DOWNLOAD_FAILED);
		assertThat(failed.message()).contains("HTTP 404").contains("gave up after 4 attempts");
		assertThat(failed.providerTaskId()).isEqualTo("video_gone");
	}

	@Test
	void deadLettersACompletionWithoutADownloadUrl() {
		String requestId = Events.newRequestId();
		this.publisher.publishBytes("video.completed", requestId,
				("{\"requestId\":\"" + requestId + "\",\"provider\":\"generic\",\"providerTaskId\":\"t\"}")
					.getBytes(StandardCharsets.UTF_8));

		VideoFailed failed = this.watcher.awaitEvent("video.failed", requestId, VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.message()).contains("names no download.url");
		assertThat(failed.providerTaskId()).isEqualTo("t");
		this.watcher.awaitRecord("video.completed-dlt", requestId);
	}

	private VideoCompleted completed(FinishedJob job) {
		VideoCompleted completed = Events.aCompletedJob(Events.newRequestId(), job.taskId(), job.videoUrl());
		this.publisher.publishEvent("video.completed", completed.requestId(), completed);
		return completed;
	}

	/**
	 * The record says when its step began (not after the record was made; the timestamp
	 * is in milliseconds) and that the provider took some time to answer.
	 */
	private static void assertTimedWithAProviderCall(ConsumerRecord<String, byte[]> record) {
		WorkTiming timing = WorkTiming.readFrom(record.headers()).orElseThrow();
		assertThat(timing.startedAt().toEpochMilli()).isLessThanOrEqualTo(record.timestamp());
		assertThat(timing.providerTime()).isPositive();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
