package io.reelay.stack;

import java.nio.file.Path;

import io.reelay.event.VideoRequested;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TopicWatcher;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One W3C trace per request, from {@code video.requests} through the three services to
 * the request's terminal event: each event a child of the step that published it.
 */
class TracePropagationIntegrationTests {

	@TempDir
	static Path data;

	private static LocalStack stack;

	private RecordPublisher publisher;

	private TopicWatcher watcher;

	@BeforeAll
	static void start() throws Exception {
		stack = TestStacks.start(data);
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@BeforeEach
	void connect() {
		this.publisher = new RecordPublisher(stack.bootstrapServers());
		this.watcher = new TopicWatcher(stack.bootstrapServers(), "video.submitted", "video.completed", "video.stored",
				"video.failed");
	}

	@AfterEach
	void disconnect() {
		this.publisher.close();
		this.watcher.close();
	}

	@Test
	void carriesTheTraceOfARequestToEveryEventOfIt() {
		TraceParent client = Traces.newTrace();
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));

		TraceParent stored = trace("video.stored", request);
		TraceParent submitted = trace("video.submitted", request);
		TraceParent completed = trace("video.completed", request);

		assertThat(submitted.traceId()).isEqualTo(client.traceId());
		assertThat(completed.traceId()).isEqualTo(client.traceId());
		assertThat(stored.traceId()).isEqualTo(client.traceId());
		assertThat(new String[] { client.spanId(), submitted.spanId(), completed.spanId(), stored.spanId() })
			.doesNotHaveDuplicates();
	}

	@Test
	void startsOneTraceAtTheSubmitterForARequestPublishedWithoutOne() {
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		TraceParent stored = trace("video.stored", request);
		TraceParent submitted = trace("video.submitted", request);
		TraceParent completed = trace("video.completed", request);

		assertThat(submitted.traceId()).hasSize(32);
		assertThat(completed.traceId()).isEqualTo(submitted.traceId());
		assertThat(stored.traceId()).isEqualTo(submitted.traceId());
	}

	@Test
	void endsARequestThatFailsInItsTrace() {
		TraceParent client = Traces.newTrace();
		VideoRequested request = Events.aRequest(Events.newRequestId(), "a storm at sea [sim:fail]");
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));

		TraceParent failed = trace("video.failed", request);
		TraceParent submitted = trace("video.submitted", request);

		assertThat(submitted.traceId()).isEqualTo(client.traceId());
		assertThat(failed.traceId()).isEqualTo(client.traceId());
		assertThat(failed.spanId()).isNotIn(client.spanId(), submitted.spanId());
	}

	private TraceParent trace(String topic, VideoRequested request) {
		return Traces.of(this.watcher.awaitRecord(topic, request.requestId()));
	}

}
