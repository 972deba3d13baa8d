package io.reelay.simulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code [sim:takes=<duration>]} in a prompt: how long that job takes, instead of the
 * settings' generation time. It sits beside the {@link Scenario} markers
 * ({@code [sim:fail][sim:takes=3s]} fails after 3 seconds).
 */
public final class TakesMarker {

	private static final Pattern MARKER = Pattern.compile("\\[sim:takes=([^\\]]*)\\]", Pattern.CASE_INSENSITIVE);

	private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

	private static final Duration MAX = Duration.ofDays(366);

	private TakesMarker() {
	}

	/**
	 * The generation time a prompt asks for: {@code 1500ms}, {@code 3s}, {@code 2.5s},
	 * {@code 2m}, {@code 1h}, ISO-8601 ({@code PT3S}) or bare milliseconds, up to a year.
	 * Empty without a marker, or when its value does not read as such a duration: a typo
	 * in a prompt must not break the job.
	 */
	public static Optional<Duration> in(String prompt) {
		if (prompt == null) {
			return Optional.empty();
		}
		Matcher marker = MARKER.matcher(prompt);
		return marker.find() ? parse(marker.group(1)) : Optional.empty();
	}

	static Optional<Duration> parse(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		if (text.startsWith("p")) {
			try {
				Duration duration = Duration.parse(text);
				return (duration.isNegative() || duration.compareTo(MAX) > 0) ? Optional.empty()
						: Optional.of(duration);
			}
			catch (DateTimeParseException unreadable) {
				return Optional.empty();
			}
		}
		Matcher amount = AMOUNT.matcher(text);
		if (!amount.matches()) {
			return Optional.empty();
		}
		double number = Double.parseDouble(amount.group(1));
		double millis = number * switch ((amount.group(2) != null) ? amount.group(2) : "ms") {
			case "s" -> 1_000;
			case "m" -> 60_000;
			case "h" -> 3_600_000;
			default -> 1;
		};
		// A huge value would overflow the task's end instant; a job that long is a stuck
		// job, for which there is a marker.
		return (millis <= MAX.toMillis()) ? Optional.of(Duration.ofMillis(Math.round(millis))) : Optional.empty();
	}

}
