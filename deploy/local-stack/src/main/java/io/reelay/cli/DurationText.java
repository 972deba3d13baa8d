package io.reelay.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as the CLI prints them: precise while short, coarse once long. */
public final class DurationText {

	private DurationText() {
	}

	/** {@code 4.2 s}, {@code 42 s}, {@code 3 m 05 s}, {@code 1 h 02 m}. */
	public static String of(Duration duration) {
		long millis = Math.max(0, duration.toMillis());
		if (millis < 10_000) {
			return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
		}
		long seconds = millis / 1000;
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%d m %02d s", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%d h %02d m", seconds / 3600, (seconds % 3600) / 60);
	}

}
