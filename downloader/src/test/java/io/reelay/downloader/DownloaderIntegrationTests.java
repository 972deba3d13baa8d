package io.reelay.downloader;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.storage.ObjectStore;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.SimulatorJobs.FinishedJob;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.StageTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloader on a real broker, fetching from the simulator into a real S3-compatible
 * server.
 */
@SpringBootTest
class DownloaderIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	@Autowired
	private ObjectStore store;

	@DynamicPropertySource
	static void storageSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.storage.endpoint", () -> TestInfrastructure.s3().endpoint());
		registry.add("reelay.storage.access-key", () -> TestInfrastructure.s3().accessKey());
		registry.add("reelay.storage.secret-key", () -> TestInfrastructure.s3().secretKey());
		registry.add("reelay.storage.bucket", () -> "downloader-tests");
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.stored", "video.failed", "video.completed-dlt" };
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
	void announcesAnAlreadyStoredVideoAgainWithoutDownloadingItTwice() {
		FinishedJob job = this.jobs.startFinished("a redelivered sunrise");
		VideoCompleted completed = completed(job);
		VideoStored first = this.watcher.awaitEvent("video.stored", completed.requestId(), VideoStored.class);

		this.publisher.publishEvent("video.completed", completed.requestId(), completed);

		var both = this.watcher.awaitRecords("video.stored", (record) -> completed.requestId().equals(record.key()), 2);
		VideoStored second = io.reelay.event.EventJson.read(both.get(1).value(), VideoStored.class);
		assertThat(second.key()).isEqualTo(first.key());
		assertThat(second.sha256()).isEqualTo(first.sha256());
		assertThat(second.size()).isEqualTo(first.size());
		assertThat(simulator.tasks().downloadsOf(job.taskId())).isEqualTo(1);
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
		assertThat(failed.message()).contains("HTTP 404");
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

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
