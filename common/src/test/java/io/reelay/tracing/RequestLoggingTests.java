package io.reelay.tracing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLoggingTests {

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	@AfterEach
	void cleanUp() {
		this.other.shutdownNow();
		MDC.clear();
	}

	@Test
	void putsTheRequestIdInTheMdcUntilTheScopeCloses() {
		try (ContextScope scope = RequestLogging.forRequest("request-1")) {
			assertThat(MDC.get("requestId")).isEqualTo("request-1");
		}
		assertThat(MDC.get("requestId")).isNull();
	}

	@Test
	void putsBackTheRequestIdThatWasThereBefore() {
		try (ContextScope outer = RequestLogging.forRequest("outer")) {
			try (ContextScope inner = RequestLogging.forRequest("inner")) {
				assertThat(MDC.get("requestId")).isEqualTo("inner");
			}
			assertThat(MDC.get("requestId")).isEqualTo("outer");
		}
	}

	@Test
	void leavesTheMdcAloneForARecordWithoutARequestId() {
		MDC.put("requestId", "before");
		try (ContextScope scope = RequestLogging.forRequest(null)) {
			assertThat(MDC.get("requestId")).isEqualTo("before");
		}
		assertThat(MDC.get("requestId")).isEqualTo("before");
	}

	@Test
	void carriesTheMdcToTheThreadThatRunsTheWorkAndCleansUpAfterIt() throws Exception {
		MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		CompletableFuture<String> seen;
		try (ContextScope scope = RequestLogging.forRequest("request-2")) {
			seen = CompletableFuture
				.supplyAsync(RequestLogging.carry(() -> MDC.get("requestId") + " " + MDC.get("traceId")), this.other);
		}

		assertThat(seen.get()).isEqualTo("request-2 4bf92f3577b34da6a3ce929d0e0e4736");
		assertThat(CompletableFuture.supplyAsync(() -> MDC.get("requestId"), this.other).get()).isNull();
	}

	@Test
	void findsTheRequestIdInTheKeyOrElseInTheValue() {
		assertThat(RequestLogging.requestIdOf(new ConsumerRecord<>("video.requests", 0, 0, "by-key", new byte[0])))
			.isEqualTo("by-key");
		byte[] value = "{\"requestId\":\"in-value\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(RequestLogging.requestIdOf(new ConsumerRecord<>("video.requests", 0, 0, null, value)))
			.isEqualTo("in-value");
		assertThat(
				RequestLogging.requestIdOf(new ConsumerRecord<>("video.requests", 0, 0, null, "not json".getBytes())))
			.isNull();
	}

}
