package io.reelay.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelay bench pipeline} at a small scale: a broker, S3 and the simulator of its
 * own, the three services in JVMs of their own. No figure is asserted, only that each was
 * measured: the parts, the per-job costs, every stage's own time (which needs the stages'
 * timing headers), the footprint of every service and a profile of each.
 */
class BenchPipelineIntegrationTests {

	private static final String NUMBER = "\\d[\\d,]*(\\.\\d+)?";

	private final ReelayRun reelay = new ReelayRun();

	@TempDir
	Path data;

	@Test
	void measuresThePartsThePipelineAndEachService() throws Exception {
		int exit = this.reelay.execute("bench", "pipeline", "--jobs", "150", "--warmup-jobs", "50", "--half-load-jobs",
				"100", "--kafka-records", "2000", "--http-calls", "300", "--puts", "100", "--transactions", "60",
				"--part-threads", "2", "--data-dir", this.data.toString());

		String printed = this.reelay.printed();
		assertThat(exit).as(printed).isZero();
		assertThat(printed).containsPattern("Kafka produce \\+ consume\\s+" + NUMBER + " records/s")
			.containsPattern("simulator HTTP\\s+" + NUMBER + " calls/s")
			.containsPattern("S3 PUT\\s+" + NUMBER + " PUTs/s")
			.containsPattern("\\(Kafka transactions\\)\\s+" + NUMBER + " transactions/s")
			// each job: its request, video.submitted, video.completed and video.stored at
			// least, and a create, a status and a download call at least
			.containsPattern("k = " + NUMBER)
			.containsPattern("HTTP: h = [3-9]\\.\\d\\d calls")
			.containsPattern("saturated: 150 jobs, .*\\{stored=150\\}")
			.containsPattern("half load: 100 jobs at .*\\{stored=100\\}")
			.doesNotContain("carried no timing headers");
		for (String stage : List.of("submitter", "poller", "downloader", "end to end")) {
			assertThat(printed).as(stage).containsPattern("\\n\\s+" + stage + "(\\s+" + NUMBER + "){5}\\n");
		}
		for (String service : List.of("submitter", "poller", "downloader")) {
			assertThat(printed).as(service)
				.containsPattern(
						"\\n\\s+" + service + "(\\s+" + NUMBER + "){3}\\s+" + NUMBER + "\\s+" + NUMBER + "\\n");
			Path recording = this.data.resolve("bench-pipeline").resolve("profiles").resolve(service + ".jfr");
			assertThat(recording).isNotEmptyFile();
			assertThat(printed).contains(service + " (" + recording.toAbsolutePath() + "):");
		}
		assertThat(Files.list(this.data.resolve("bench-pipeline").resolve("logs"))).hasSize(3);
		// every request, timed by each stage: a header line, then one line per request
		Path traces = this.data.resolve("bench-pipeline").resolve("traces");
		assertThat(Files.readAllLines(traces.resolve("saturated.csv"))).hasSize(151)
			.allMatch((line) -> !line.contains(",,"), "no missing timing");
		assertThat(Files.readAllLines(traces.resolve("half.csv"))).hasSize(101);
		List<String> lines = printed.lines().toList();
		assertThat(lines.get(lines.size() - 1))
			.matches("jobs/s \\d+, efficiency \\d+\\.\\d\\d, p99 overhead \\d+(\\.\\d)? ms");
	}

}
