package io.reelay.cli.chaos;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints a chaos run's verdict: the checks as a table, the outcomes, what went wrong with
 * which request, where the logs are, and the summary as the last line.
 */
final class ChaosReport {

	private ChaosReport() {
	}

	static void print(ChaosVerdict verdict, List<Path> logs, PrintWriter out) {
		out.println();
		out.println("Checks:");
		String format = "  %-46s %7s  %-9s %s%n";
		out.printf(Locale.ROOT, format, "", "found", "must be", "");
		row(out, format, "requests with exactly one terminal event", verdict.exactlyOnce(), "all",
				verdict.exactlyOnce() == verdict.requests());
		row(out, format, "stuck requests (no terminal event)", verdict.stuck(), "0", verdict.stuck() == 0);
		row(out, format, "duplicates (more than one terminal event)", verdict.duplicates(), "0",
				verdict.duplicates() == 0);
		row(out, format, "most provider jobs created for one request", verdict.maxCreatesPerId(), "≤ 1",
				verdict.maxCreatesPerId() <= 1);
		row(out, format, "stored videos unlike what the simulator served", verdict.badObjects(), "0",
				verdict.badObjects() == 0);
		row(out, format, "multipart uploads left behind", verdict.partsLeft(), "0", verdict.partsLeft() == 0);
		out.println();
		out.println("Outcomes (each request's first terminal event): " + verdict.outcomes()
			.entrySet()
			.stream()
			.map((outcome) -> outcome.getKey() + " " + outcome.getValue())
			.collect(Collectors.joining(", ")));
		for (Map.Entry<String, List<String>> finding : verdict.findings().entrySet()) {
			out.println();
			out.println(capitalized(finding.getKey()) + ":");
			finding.getValue().forEach((line) -> out.println("  " + line));
		}
		out.println();
		out.println("Service logs (one per life of each instance):");
		logs.forEach((log) -> out.println("  " + log.toAbsolutePath().normalize()));
		out.println();
		out.println(verdict.summary());
		out.flush();
	}

	private static void row(PrintWriter out, String format, String check, long found, String mustBe, boolean ok) {
		out.printf(Locale.ROOT, format, check, found, mustBe, ok ? "ok" : "VIOLATED");
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
