package io.reelay.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelay bench polling} with a small real run: a poller JVM of its own follows
 * 2,000 jobs, with time running 60 times faster. The bench starts a broker of its own:
 * its thousands of completions must not reach the other tests' downloaders.
 */
class BenchPollingIntegrationTests {

	@TempDir
	Path data;

	@Test
	void aPollerInItsOwnJvmEndsEveryJobExactlyOnce() {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		CommandLine reelay = new CommandLine(new ReelayCommand());
		reelay.setOut(new PrintWriter(output, true, StandardCharsets.UTF_8));

		int exit = reelay.execute("bench", "polling", "--jobs", "1000", "--in-flight", "2000", "--time-scale", "60",
				"--timeout", "PT2M", "--data-dir", this.data.toString());

		String printed = output.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(printed).isZero();
		assertThat(printed).containsPattern("finished: completed / failed\\s+2,000 / 0")
			.containsPattern("duplicate terminal events\\s+0")
			.contains("poller heap after GC", "Poller: pid ", this.data.resolve("logs").toString());
		List<String> lines = printed.lines().toList();
		assertThat(lines.get(lines.size() - 1)).contains("2k in flight: ok, heap ");
	}

}
