package io.reelay.submitter;

import java.util.List;

import io.reelay.event.VideoRequested;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.Traces;
import io.reelay.tracing.TraceParent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submitter's console lines, in Spring Boot's pattern as a service writes them: a
 * line about a request shows its id, then the trace and span ids.
 */
@ExtendWith({ BootDefaultLogging.class, OutputCaptureExtension.class })
@SpringBootTest(properties = "logging.level.io.reelay=INFO")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SubmitterLogLinesIntegrationTests extends StageTestSupport {

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.submitted" };
	}

	@Test
	void showsTheRequestIdAndTheTraceOnTheLinesAboutTheRequest(CapturedOutput output) {
		TraceParent client = Traces.newTrace();
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request, Traces.headers(client));
		this.watcher.awaitRecord("video.submitted", request.requestId());

		List<String> lines = output.getOut()
			.lines()
			.filter((line) -> line.contains("request " + request.requestId() + " submitted to generic"))
			.toList();

		assertThat(lines).singleElement()
			.asString()
			.contains("[" + request.requestId() + "] [" + client.traceId() + "-")
			.doesNotContain("{");
	}

	@Test
	void showsNoEmptyBracketsOnALineAboutNoRequest(CapturedOutput output) {
		LoggerFactory.getLogger(SubmitterLogLinesIntegrationTests.class).info("a line about no request");

		assertThat(output.getOut().lines().filter((line) -> line.endsWith("a line about no request"))).singleElement()
			.asString()
			.contains(" INFO ")
			.doesNotContain("[] ");
	}

}
