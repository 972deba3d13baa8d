package io.reelay.cli.chaos;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What happened during a chaos run, each line stamped with the time since the first
 * request, printed as it happens and kept for the report.
 */
final class ChaosLog {

	private final PrintWriter out;

	private final long startNanos;

	private final List<String> lines = new ArrayList<>();

	ChaosLog(PrintWriter out, long startNanos) {
		this.out = out;
		this.startNanos = startNanos;
	}

	synchronized void say(String format, Object... args) {
		String line = String.format(Locale.ROOT, "  %7s  %s", seconds(elapsed()),
				String.format(Locale.ROOT, format, args));
		this.lines.add(line);
		this.out.println(line);
		this.out.flush();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	long startNanos() {
		return this.startNanos;
	}

	synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

	static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
