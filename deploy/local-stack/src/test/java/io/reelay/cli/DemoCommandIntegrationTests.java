package io.reelay.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.reelay.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reelay demo} as the README runs it, against the test JVM's broker. */
class DemoCommandIntegrationTests {

	@TempDir
	Path data;

	@Test
	void storesOneSampleRequestPerProviderAndExitsZero() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		DemoCommand demo = new DemoCommand();
		demo.kafkaBootstrapServers = TestInfrastructure.kafkaBootstrapServers();
		demo.out = new PrintStream(output, true, StandardCharsets.UTF_8);

		int exit = new CommandLine(demo).execute("--generation-time", "PT0.3S", "--data-dir", this.data.toString());

		String printed = output.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(printed).isZero();
		assertThat(printed).contains("5 of 5 requests stored in");
		assertThat(printed.lines().filter((line) -> line.contains("stored     s3://reelay-videos/videos/"))).hasSize(5);
		for (String provider : new String[] { "generic", "minimax", "aimlapi", "tchavi", "openai" }) {
			assertThat(printed).contains("submitted  " + provider + " ", "completed  " + provider + " finished");
		}
		assertThat(printed).doesNotContain("FAILED");
	}

	@Test
	void printsUsageWithExitCodes() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CommandLine command = new CommandLine(new ReelayCommand());
		command.setOut(new java.io.PrintWriter(output, true, StandardCharsets.UTF_8));

		int exit = command.execute("--help");

		assertThat(exit).isZero();
		assertThat(output.toString(StandardCharsets.UTF_8)).contains("demo", "up", "Exit codes:");
	}

}
