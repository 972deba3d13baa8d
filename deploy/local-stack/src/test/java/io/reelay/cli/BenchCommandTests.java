package io.reelay.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code reelay bench polling} on the virtual clock only, and its usage. */
class BenchCommandTests {

	private final ReelayRun reelay = new ReelayRun();

	@Test
	void printsTheVirtualClockTableAndTheSummaryLastAndExitsZero() {
		int exit = this.reelay.execute("bench", "polling", "--skip-real", "--jobs", "2000");

		String printed = this.reelay.printed();
		assertThat(exit).as(printed).isZero();
		assertThat(printed).contains("Part 1: the schedule on a virtual clock, 2,000 jobs per row", "calls/job mean",
				"delay p95", "calls vs fixed-5s");
		assertThat(
				printed.lines()
					.filter((line) -> line
						.matches("\\s+(schedule \\(defaults\\)|fixed 5 s|fixed 15 s)" + "\\s+(linear|none)\\s.*")))
			.hasSize(6);
		assertThat(printed).doesNotContain("Part 2");
		List<String> lines = printed.lines().toList();
		assertThat(lines.get(lines.size() - 1)).matches("calls vs fixed-5s: \\d+\\.\\d\\dx, "
				+ "p95 delay vs fixed-5s: \\d+\\.\\d\\dx, without progress: \\d+\\.\\d\\dx/\\d+\\.\\d\\dx, "
				+ "100k in flight: skipped");
	}

	@Test
	void benchAlonePrintsItsUsage() {
		int exit = this.reelay.execute("bench");

		assertThat(exit).isZero();
		assertThat(this.reelay.printed()).contains("Usage: reelay bench", "polling");
	}

	@Test
	void documentsEveryOptionAndTheExitCodes() {
		int exit = this.reelay.execute("bench", "polling", "--help");

		assertThat(exit).isZero();
		assertThat(this.reelay.printed()).contains("--jobs", "--in-flight", "--time-scale", "--seed", "--timeout",
				"--skip-real", "--data-dir", "Exit codes:");
	}

	@Test
	void rejectsAnInvalidOptionWithExitCodeTwo() {
		int exit = this.reelay.execute("bench", "polling", "--skip-real", "--jobs", "0");

		assertThat(exit).isEqualTo(2);
		assertThat(this.reelay.errors()).contains("--jobs must be at least 1");
	}

}
