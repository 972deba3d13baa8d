package io.reelay.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The log file of the local stack, as its logback.xml writes it. */
class LogFileTests {

	@TempDir
	Path directory;

	@Test
	void showsTheRequestIdAndTheTraceOnLinesAboutARequestAndNothingOnOthers() throws Exception {
		Path file = this.directory.resolve("reelay.log");
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.putProperty("reelay.log.file", file.toString());
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(context);
		configurator.doConfigure(LogFileTests.class.getResource("/logback.xml"));
		Logger log = context.getLogger("io.reelay.submitter.Submission");

		context.getMDCAdapter().put("requestId", "req-1");
		context.getMDCAdapter().put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
		context.getMDCAdapter().put("spanId", "00f067aa0ba902b7");
		log.info("about a request");
		context.getMDCAdapter().clear();
		log.info("about no request");
		context.stop();

		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).endsWith(
				"[req-1] [4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7] io.reelay.submitter.Submission - about a request");
		assertThat(lines.get(1)).endsWith("] io.reelay.submitter.Submission - about no request")
			.doesNotContain("[] ")
			.doesNotContain("[-] ");
	}

}
