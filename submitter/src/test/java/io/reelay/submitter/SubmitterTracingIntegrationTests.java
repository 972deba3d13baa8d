package io.reelay.submitter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.EventJson;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submitter continues each request's W3C trace into what it publishes, or starts one.
 */
@SpringBootTest
class SubmitterTracingIntegrationTests extends StageTestSupport {

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.submitted", "video.failed", "video.requests-dlt" };
	}

	@Test
	void publishesVideoSubmittedInTheTraceOfTheRequest() {
		TraceParent client = Traces.newTrace();
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));

		TraceParent submitted = Traces.of(this.watcher.awaitRecord("video.submitted", request.requestId()));

		assertThat(submitted.traceId()).isEqualTo(client.traceId());
		assertThat(submitted.spanId()).isNotEqualTo(client.spanId());
	}

	@Test
	void startsATraceForEachRequestPublishedWithoutOne() {
		VideoRequested first = Events.aRequest();
		VideoRequested second = Events.aRequest();
		this.publisher.publishEvent("video.requests", first.requestId(), first);
		this.publisher.publishEvent("video.requests", second.requestId(), second);

		TraceParent one = Traces.of(this.watcher.awaitRecord("video.submitted", first.requestId()));
		TraceParent other = Traces.of(this.watcher.awaitRecord("video.submitted", second.requestId()));

		assertThat(one.traceId()).isNotEqualTo(other.traceId());
	}

	@Test
	void handlesARequestWithABrokenTraceparentInANewTrace() {
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request,
				Map.of(TraceParent.HEADER, "00-not-a-trace-01"));

		TraceParent submitted = Traces.of(this.watcher.awaitRecord("video.submitted", request.requestId()));

		assertThat(submitted.traceId()).hasSize(32);
	}

	@Test
	void failsARequestTheProviderRefusesInItsTrace() {
		TraceParent client = Traces.newTrace();
		String prompt = "a forbidden scene " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.CREATE, Fault.CONTENT_POLICY, 1, prompt));
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));

		ConsumerRecord<String, byte[]> failed = this.watcher.awaitRecord("video.failed", request.requestId());

		assertThat(Traces.of(failed).traceId()).isEqualTo(client.traceId());
	}

	@Test
	void failsARequestAfterItsLastRetryInItsTrace() {
		TraceParent client = Traces.newTrace();
		String prompt = "a busy provider " + Events.newRequestId();
		simulator.faults().add(new FaultRule("generic", Operation.CREATE, Fault.RATE_LIMIT, 10, prompt));
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));

		ConsumerRecord<String, byte[]> failed = this.watcher.awaitRecord("video.failed", request.requestId());

		assertThat(EventJson.read(failed.value(), VideoFailed.class).code()).isEqualTo(FailureCode.RATE_LIMITED);
		assertThat(Traces.of(failed).traceId()).isEqualTo(client.traceId());
	}

	@Test
	void deadLettersAnUnreadableRecordWithABrokenTraceparentAndFailsItsRequest() {
		String requestId = Events.newRequestId();
		this.publisher.publishBytes("video.requests", requestId, "{not json".getBytes(StandardCharsets.UTF_8),
				Map.of(TraceParent.HEADER, "garbage"));

		ConsumerRecord<String, byte[]> failed = this.watcher.awaitRecord("video.failed", requestId);

		assertThat(EventJson.read(failed.value(), VideoFailed.class).code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(Traces.of(failed).traceId()).hasSize(32);
		assertThat(this.watcher.awaitRecord("video.requests-dlt", requestId)).isNotNull();
	}

}
