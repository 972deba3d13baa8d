package io.reelay.cli.bench.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A recording made here, of a thread burning CPU in a method of its own, summarised. */
class JfrSummaryTests {

	private static final String BURNER = "burner-7";

	@TempDir
	Path directory;

	private volatile boolean burning = true;

	private final AtomicLong burnSamples = new AtomicLong();

	private final AtomicLong burnLoads = new AtomicLong();

	@Test
	void findsTheMethodTheTimeWentToAndTheReelayCodeAndThreadItRanIn() throws Exception {
		Path file = this.directory.resolve("burn.jfr");
		try (Recording recording = new Recording(); RecordingStream watch = new RecordingStream()) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			recording.enable("jdk.GarbageCollection");
			recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
			watch.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
			watch.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
			watch.onEvent("jdk.ThreadCPULoad", (load) -> {
				if (load.getThread() != null && BURNER.equals(load.getThread().getJavaName())) {
					this.burnLoads.incrementAndGet();
				}
			});
			watch.onEvent("jdk.ExecutionSample", (sample) -> {
				List<RecordedFrame> frames = (sample.getStackTrace() != null) ? sample.getStackTrace().getFrames()
						: List.of();
				if (!frames.isEmpty() && frames.get(0).getMethod().getName().equals("burnCpuInANamedMethod")) {
					this.burnSamples.incrementAndGet();
				}
			});
			recording.start();
			watch.startAsync();
			Thread burner = new Thread(this::burnCpuInANamedMethod, BURNER);
			burner.start();
			// until the samples show the burn, however slow this machine is today
			await().atMost(Duration.ofMinutes(1))
				.until(() -> this.burnSamples.get() >= 20 && this.burnLoads.get() >= 2);
			this.burning = false;
			burner.join();
			recording.stop();
			recording.dump(file);
		}

		JfrSummary summary = JfrSummary.of(file);

		assertThat(summary.samples()).isPositive();
		assertThat(summary.selfMethods()).extracting(JfrSummary.Share::name)
			.contains("cli.bench.pipeline.JfrSummaryTests.burnCpuInANamedMethod");
		assertThat(summary.underReelay()).extracting(JfrSummary.Share::name)
			.contains("cli.bench.pipeline.JfrSummaryTests.burnCpuInANamedMethod");
		assertThat(summary.selfPackages()).extracting(JfrSummary.Share::name).contains("io.reelay.cli");
		assertThat(summary.threads()).extracting(JfrSummary.Share::name).contains("burner-N");
		assertThat(summary.threadCpu()).extracting(JfrSummary.Share::name).contains("burner-N");
		assertThat(summary.lines(3)).first().asString().contains("execution samples");
		assertThat(summary.lines(3)).contains("top methods (self, the frame the sample was taken in):",
				"top packages (self):", "under Reelay code (the first io.reelay frame from the top):", "threads:");
		assertThat(summary.lines(3)).anyMatch((line) -> line
			.matches(" +\\d+\\.\\d%  cli\\.bench\\.pipeline\\." + "JfrSummaryTests\\.burnCpuInANamedMethod"));
		assertThat(Files.size(file)).isPositive();
	}

	@Test
	void shortensClassNamesAndFoldsLambdasAndThreadNumbers() {
		assertThat(JfrSummaryTally.shortClassName("org.apache.kafka.clients.producer.internals.Sender"))
			.isEqualTo("o.a.k.c.p.internals.Sender");
		assertThat(JfrSummaryTally.shortClassName("io.reelay.poller.PollLoop")).isEqualTo("poller.PollLoop");
		assertThat(JfrSummaryTally.shortClassName("Unpackaged")).isEqualTo("Unpackaged");
		assertThat(JfrSummaryTally
			.withoutLambdaSuffix("io.reelay.poller.PollLoop$$Lambda$1298+0x00007fcfbc584000.2028300589"))
			.isEqualTo("io.reelay.poller.PollLoop$$Lambda");
		assertThat(JfrSummaryTally.packageOf("org.apache.kafka.clients.producer.internals.Sender$1"))
			.isEqualTo("org.apache.kafka");
		assertThat(JfrSummaryTally.packageOf("java.util.HashMap$Node")).isEqualTo("java.util");
		assertThat(JfrSummaryTally.packageOf("Unpackaged")).isEqualTo("(no package)");
		assertThat(JfrSummaryTally.threadKind("kafka-producer-network-thread | producer-12"))
			.isEqualTo("kafka-producer-network-thread | producer-N");
	}

	@Test
	void anEmptySummarySaysSoInOneLine() {
		JfrSummary empty = new JfrSummary(0, Duration.ZERO, List.of(), List.of(), List.of(), List.of(), List.of(), 0,
				Duration.ZERO);

		assertThat(empty.lines(5))
			.containsExactly("0 execution samples over 0.0 s; 0 garbage collections, 0 ms " + "paused in all");
	}

	private void burnCpuInANamedMethod() {
		long sum = 0;
		// arithmetic only, so that the samples are taken in this method and not in one it
		// calls
		while (this.burning) {
			for (int i = 0; i < 100_000; i++) {
				sum = ((sum << 7) | (sum >>> 57)) ^ i;
			}
		}
		if (sum == 42) {
			System.out.println("unlikely");
		}
	}

}
