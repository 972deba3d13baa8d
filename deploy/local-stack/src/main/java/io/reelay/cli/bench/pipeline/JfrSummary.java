package io.reelay.cli.bench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.reelay.cli.bench.Text;

/**
 * Where a JVM's time went, from the execution samples of a JDK Flight Recording: the
 * methods the samples were taken in, the Reelay code they were taken under, and the
 * threads that ran. Samples are taken of threads running Java code only: threads blocked
 * or waiting in native code (a socket read, a poll) and the GC's own threads are not in
 * them.
 *
 * @param samples the execution samples
 * @param span first sample → last
 * @param selfMethods samples by the method on top of the stack, most first
 * @param selfPackages samples by the package of that method, to three parts
 * ({@code org.apache.kafka}, {@code java.util.concurrent}), most first: where a flat list
 * of methods adds up
 * @param underReelay samples by the first {@code io.reelay.} frame from the top, most
 * first
 * @param threads samples by thread name, numbers folded ({@code simulator-N}), most first
 * @param threadCpu CPU load by thread name, numbers folded, from
 * {@code jdk.ThreadCPULoad} (user and system, summed over its readings, in millionths):
 * unlike execution samples it sees the JIT compiler's threads and threads in native code
 * @param collections garbage collections in the recording
 * @param gcPauses their pauses, summed
 */
public record JfrSummary(long samples, Duration span, List<Share> selfMethods, List<Share> selfPackages,
		List<Share> underReelay, List<Share> threads, List<Share> threadCpu, long collections, Duration gcPauses) {

	/** Samples of one method, one Reelay frame or one kind of thread. */
	public record Share(String name, long samples) {

	}

	public JfrSummary {
		selfMethods = List.copyOf(selfMethods);
		selfPackages = List.copyOf(selfPackages);
		underReelay = List.copyOf(underReelay);
		threads = List.copyOf(threads);
		threadCpu = List.copyOf(threadCpu);
	}

	/** Reads a recording's execution samples and collections. */
	public static JfrSummary of(Path recording) throws IOException {
		return JfrSummaryTally.of(recording);
	}

	/**
	 * The summary as text: a headline, then the first {@code n} of each list with its
	 * share of the samples.
	 */
	public List<String> lines(int n) {
		List<String> lines = new ArrayList<>();
		lines.add(Text.format("%,d execution samples over %s; %,d garbage collections, %,d ms paused in all",
				this.samples, Text.seconds(this.span), this.collections, this.gcPauses.toMillis()));
		if (this.samples == 0) {
			return lines;
		}
		lines.add("top methods (self, the frame the sample was taken in):");
		addShares(lines, this.selfMethods, n);
		lines.add("top packages (self):");
		addShares(lines, this.selfPackages, n);
		lines.add("under Reelay code (the first io.reelay frame from the top):");
		addShares(lines, this.underReelay, n);
		lines.add("threads:");
		addShares(lines, this.threads, n);
		if (!this.threadCpu.isEmpty()) {
			lines.add("CPU by thread (jdk.ThreadCPULoad: JIT compiler threads and native code included):");
			addShares(lines, this.threadCpu, n);
		}
		return lines;
	}

	/** The first {@code n} shares, each as a part of the whole list. */
	private static void addShares(List<String> lines, List<Share> shares, int n) {
		double total = shares.stream().mapToLong(Share::samples).sum();
		shares.stream()
			.limit(n)
			.forEach((share) -> lines.add(Text.format("  %5.1f%%  %s", 100.0 * share.samples() / total, share.name())));
	}

}
