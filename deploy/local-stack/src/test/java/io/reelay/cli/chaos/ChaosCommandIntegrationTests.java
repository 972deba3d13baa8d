package io.reelay.cli.chaos;

import java.nio.file.Path;
import java.util.List;

import io.reelay.cli.ReelayRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of {@code reelay chaos}: 200 requests across all providers while each
 * service is killed once, the broker restarts, the bucket goes away for 10 s and
 * providers answer bursts of errors. It starts a broker of its own: its requests must not
 * reach the other tests' services.
 */
class ChaosCommandIntegrationTests {

	private final ReelayRun reelay = new ReelayRun();

	@TempDir
	Path data;

	@Test
	void everyRequestEndsOnceAndIsPaidForOnceWhileServicesAreKilledAndEverythingAroundThemFails() {
		int exit = this.reelay.execute("chaos", "--requests", "200", "--kills", "3", "--seed", "20261122", "--rate",
				"20", "--timeout", "PT2M", "--data-dir", this.data.toString());

		String printed = this.reelay.printed();
		assertThat(exit).as(printed).isZero();
		String running = printed.substring(printed.indexOf("Running:"), printed.indexOf("Checks:"));
		assertThat(running).containsPattern("kill submitter-1: pid \\d+ killed \\(SIGKILL\\), pid \\d+ started")
			.containsPattern("kill poller-1: pid \\d+ killed \\(SIGKILL\\), pid \\d+ started")
			.containsPattern("kill downloader-1: pid \\d+ killed \\(SIGKILL\\), pid \\d+ started")
			.containsPattern("restart the Kafka broker: back after \\d+\\.\\d s")
			.contains("S3 server down for 10 s: stopped", "S3 server up again")
			.containsPattern("burst, .*: next \\d+ (STATUS|DOWNLOAD|CREATE) calls answer 5\\d\\d")
			.containsPattern("burst, .*: next \\d+ (STATUS|DOWNLOAD|CREATE) calls answer 429")
			.contains("every request has a terminal event");
		assertThat(printed).contains(this.data.resolve("chaos").resolve("logs").resolve("poller-1.2.log").toString());
		List<String> lines = printed.lines().toList();
		assertThat(lines.get(lines.size() - 1)).isEqualTo(
				"requests 200, terminal 200, duplicates 0, stuck 0, max creates per id 1, bad objects 0, parts left 0");
	}

	@Test
	void refusesANegativeNumberOfKillsWithExitCodeTwo() {
		int exit = this.reelay.execute("chaos", "--kills", "-1");

		assertThat(exit).isEqualTo(2);
		assertThat(this.reelay.errors()).contains("--kills must not be negative, got -1");
	}

	@Test
	void refusesInstancesOfAnUnknownServiceWithExitCodeTwo() {
		int exit = this.reelay.execute("chaos", "--instances", "cache=2");

		assertThat(exit).isEqualTo(2);
		assertThat(this.reelay.errors()).contains("--instances takes submitter, poller or downloader, got cache");
	}

	@Test
	void documentsEveryOptionTheLongFormAndTheExitCodes() {
		int exit = this.reelay.execute("chaos", "--help");

		assertThat(exit).isZero();
		assertThat(this.reelay.printed()).contains("--requests", "--kills", "--seed", "--timeout", "--rate",
				"--service-heap", "--instances", "--data-dir", "SIGKILL", "./reelay chaos --requests 5000 --kills 30",
				"Exit codes:");
	}

}
