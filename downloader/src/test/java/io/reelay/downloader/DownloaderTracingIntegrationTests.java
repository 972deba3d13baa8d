package io.reelay.downloader;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reelay.event.VideoCompleted;
import io.reelay.testing.Events;
import io.reelay.testing.SimulatorJobs;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The downloader continues a completed job's W3C trace into the request's terminal event,
 * and its download threads log with the request's id and trace.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DownloaderTracingIntegrationTests extends StageTestSupport {

	private final SimulatorJobs jobs = new SimulatorJobs(simulator);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@DynamicPropertySource
	static void storageSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.storage.bucket", () -> "downloader-tracing-tests");
		registry.add("reelay.downloader.allowed-hosts", () -> "127.0.0.1:" + simulator.baseUrl().getPort());
	}

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.stored", "video.failed", "video.completed-dlt" };
	}

	@BeforeEach
	void captureLogs() {
		this.logged.start();
		downloaderLogger().addAppender(this.logged);
	}

	@AfterEach
	void stopCapturing() {
		downloaderLogger().detachAppender(this.logged);
	}

	@Test
	void storesTheVideoInTheTraceOfTheCompletedJobAndLogsWithTheRequestIdAndTrace() {
		TraceParent poller = Traces.newTrace();
		VideoCompleted completed = completed(this.jobs.startFinished("a koi pond at night"), poller);

		TraceParent stored = Traces.of(this.watcher.awaitRecord("video.stored", completed.requestId()));

		assertThat(stored.traceId()).isEqualTo(poller.traceId());
		assertThat(stored.spanId()).isNotEqualTo(poller.spanId());
		List<ILoggingEvent> lines = this.logged.list.stream()
			.filter((line) -> line.getFormattedMessage().contains(completed.requestId()))
			.filter((line) -> line.getThreadName().startsWith("reelay-download-"))
			.toList();
		assertThat(lines).as("lines the download threads wrote about the request").isNotEmpty();
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.getMDCPropertyMap()).containsEntry("requestId", completed.requestId())
				.containsEntry("traceId", poller.traceId());
		});
	}

	@Test
	void failsARequestWhoseVideoIsNotAnMp4InItsTrace() {
		TraceParent poller = Traces.newTrace();
		VideoCompleted completed = completed(this.jobs.startFinished("a broken CDN [sim:not-mp4]"), poller);

		TraceParent failed = Traces.of(this.watcher.awaitRecord("video.failed", completed.requestId()));

		assertThat(failed.traceId()).isEqualTo(poller.traceId());
	}

	@Test
	void deadLettersACompletionWithoutADownloadUrlAndABrokenTraceparentAndFailsItsRequest() {
		String requestId = Events.newRequestId();
		this.publisher.publishBytes("video.completed", requestId,
				("{\"requestId\":\"" + requestId + "\",\"provider\":\"generic\",\"providerTaskId\":\"t\"}")
					.getBytes(StandardCharsets.UTF_8),
				Map.of(TraceParent.HEADER, "01-broken"));

		assertThat(Traces.of(this.watcher.awaitRecord("video.failed", requestId)).traceId()).hasSize(32);
		assertThat(this.watcher.awaitRecord("video.completed-dlt", requestId)).isNotNull();
	}

	private VideoCompleted completed(SimulatorJobs.FinishedJob job, TraceParent trace) {
		VideoCompleted completed = Events.aCompletedJob(Events.newRequestId(), job.taskId(), job.videoUrl());
		this.publisher.publishEvent("video.completed", completed.requestId(), completed, Traces.headers(trace));
		return completed;
	}

	private static Logger downloaderLogger() {
		return (Logger) LoggerFactory.getLogger("io.reelay.downloader");
	}

}
