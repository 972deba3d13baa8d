package io.reelay.cli.bench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** The counting behind a {@link JfrSummary}, one event at a time. */
final class JfrSummaryTally {

	static final String NO_REELAY_FRAME = "(no Reelay code on the stack)";

	/** JFR keeps the top 64 frames by default: Reelay's may be below them. */
	static final String CUT_STACK = "(no Reelay code in the recorded top of a cut stack)";

	private static final String REELAY = "io.reelay.";

	private static final String LAMBDA = "$$Lambda";

	private final Map<String, Long> selfMethods = new HashMap<>();

	private final Map<String, Long> selfPackages = new HashMap<>();

	private final Map<String, Long> underReelay = new HashMap<>();

	private final Map<String, Long> threads = new HashMap<>();

	private final Map<String, Long> threadCpu = new HashMap<>();

	private long samples;

	private Instant first;

	private Instant last;

	private long collections;

	private Duration gcPauses = Duration.ZERO;

	private JfrSummaryTally() {
	}

	static JfrSummary of(Path recording) throws IOException {
		JfrSummaryTally tally = new JfrSummaryTally();
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				tally.add(file.readEvent());
			}
		}
		return tally.summary();
	}

	private void add(RecordedEvent event) {
		String type = event.getEventType().getName();
		if (type.equals("jdk.ExecutionSample")) {
			addSample(event);
		}
		else if (type.equals("jdk.ThreadCPULoad") && event.getThread() != null) {
			long millionths = Math.round((event.getFloat("user") + event.getFloat("system")) * 1_000_000);
			this.threadCpu.merge(threadKind(event.getThread().getJavaName()), millionths, Long::sum);
		}
		else if (type.equals("jdk.GarbageCollection")) {
			this.collections++;
			this.gcPauses = this.gcPauses.plus(event.getDuration("sumOfPauses"));
		}
	}

	private void addSample(RecordedEvent sample) {
		this.samples++;
		Instant at = sample.getStartTime();
		this.first = (this.first == null || at.isBefore(this.first)) ? at : this.first;
		this.last = (this.last == null || at.isAfter(this.last)) ? at : this.last;
		RecordedThread thread = sample.getThread("sampledThread");
		count(this.threads, (thread != null) ? threadKind(thread.getJavaName()) : "(unknown thread)");
		RecordedStackTrace stack = sample.getStackTrace();
		List<RecordedFrame> frames = (stack != null) ? stack.getFrames() : List.of();
		count(this.selfMethods, frames.isEmpty() ? "(no stack)" : nameOf(frames.get(0)));
		RecordedMethod top = frames.isEmpty() ? null : frames.get(0).getMethod();
		count(this.selfPackages, (top != null) ? packageOf(classOf(top)) : "(no method)");
		count(this.underReelay, firstReelayFrame(frames, stack != null && stack.isTruncated()));
	}

	private static String firstReelayFrame(List<RecordedFrame> frames, boolean cut) {
		for (RecordedFrame frame : frames) {
			RecordedMethod method = frame.getMethod();
			if (method != null && method.getType().getName().startsWith(REELAY)) {
				return nameOf(frame);
			}
		}
		return cut ? CUT_STACK : NO_REELAY_FRAME;
	}

	private static void count(Map<String, Long> counts, String name) {
		counts.merge(name, 1L, Long::sum);
	}

	/**
	 * {@code Class.method}, the package shortened: Reelay's without {@code io.reelay.},
	 * others to initials but the last part ({@code o.a.k.c.p.internals.Sender.run}).
	 */
	static String nameOf(RecordedFrame frame) {
		RecordedMethod method = frame.getMethod();
		if (method == null) {
			return "(unknown method)";
		}
		return shortClassName(classOf(method)) + "." + method.getName();
	}

	/**
	 * A method's class, a lambda's hidden class without its generated number and address
	 * ({@code PollLoop$$Lambda$1298+0x…}, → {@code PollLoop$$Lambda}) so that its samples
	 * add up under one name.
	 */
	static String classOf(RecordedMethod method) {
		return withoutLambdaSuffix(method.getType().getName());
	}

	static String withoutLambdaSuffix(String className) {
		int lambda = className.indexOf(LAMBDA);
		return (lambda < 0) ? className : className.substring(0, lambda + LAMBDA.length());
	}

	/** The package of a class, to its first three parts. */
	static String packageOf(String className) {
		int lastDot = className.lastIndexOf('.');
		if (lastDot < 0) {
			return "(no package)";
		}
		List<String> parts = Arrays.asList(className.substring(0, lastDot).split("\\."));
		return String.join(".", parts.subList(0, Math.min(3, parts.size())));
	}

	static String shortClassName(String className) {
		if (className.startsWith(REELAY)) {
			return className.substring(REELAY.length());
		}
		String[] parts = className.split("\\.");
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			boolean keep = i >= parts.length - 2 || parts[i].isEmpty();
			name.append(keep ? parts[i] : parts[i].substring(0, 1));
			if (i < parts.length - 1) {
				name.append('.');
			}
		}
		return name.toString();
	}

	/**
	 * A thread's name with its numbers folded, so that a pool's threads count as one:
	 * {@code simulator-12} → {@code simulator-N}.
	 */
	static String threadKind(String threadName) {
		return (threadName != null) ? threadName.replaceAll("\\d+", "N") : "(unnamed thread)";
	}

	private JfrSummary summary() {
		Duration span = (this.first != null) ? Duration.between(this.first, this.last) : Duration.ZERO;
		return new JfrSummary(this.samples, span, sorted(this.selfMethods), sorted(this.selfPackages),
				sorted(this.underReelay), sorted(this.threads), sorted(this.threadCpu), this.collections,
				this.gcPauses);
	}

	private static List<JfrSummary.Share> sorted(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.map((entry) -> new JfrSummary.Share(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparingLong(JfrSummary.Share::samples)
				.reversed()
				.thenComparing(JfrSummary.Share::name))
			.toList();
	}

}
