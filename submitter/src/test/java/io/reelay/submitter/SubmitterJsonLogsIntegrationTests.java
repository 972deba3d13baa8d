package io.reelay.submitter;

import java.util.ArrayList;
import java.util.List;

import io.reelay.event.EventJson;
import io.reelay.event.VideoRequested;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submitter's console lines as JSON, switched on as docs/tracing.md says: each line
 * an object, with the request, trace and span ids as fields.
 */
@ExtendWith({ BootDefaultLogging.class, OutputCaptureExtension.class })
@SpringBootTest(properties = { "logging.structured.format.console=ecs", "logging.level.io.reelay=INFO" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SubmitterJsonLogsIntegrationTests extends StageTestSupport {

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.submitted" };
	}

	@Test
	void writesEachLineAsJsonWithTheRequestIdAndTheTraceAsFields(CapturedOutput output) {
		TraceParent client = Traces.newTrace();
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));
		this.watcher.awaitRecord("video.submitted", request.requestId());

		List<JsonNode> submitted = new ArrayList<>();
		for (String line : output.getOut().lines().toList()) {
			if (line.contains("request " + request.requestId() + " submitted to generic")) {
				submitted.add(json(line));
			}
		}

		assertThat(submitted).singleElement().satisfies((line) -> {
			assertThat(line.path("requestId").asString()).isEqualTo(request.requestId());
			assertThat(line.path("traceId").asString()).isEqualTo(client.traceId());
			assertThat(line.path("spanId").asString()).hasSize(16).isNotEqualTo(client.spanId());
			assertThat(line.path("message").asString()).startsWith("request " + request.requestId());
			assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		});
	}

	private static JsonNode json(String line) {
		try {
			return EventJson.mapper().readTree(line);
		}
		catch (JacksonException ex) {
			throw new AssertionError("not a JSON line: " + line, ex);
		}
	}

}
