package io.reelay.cli.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** How the benchmark writes numbers: the same in every locale. */
public final class Text {

	private Text() {
	}

	public static String format(String format, Object... args) {
		return String.format(Locale.ROOT, format, args);
	}

	/** A measured time, to a tenth of a second: {@code 6.2 s}. */
	public static String seconds(Duration duration) {
		return format("%.1f s", duration.toNanos() / 1e9);
	}

	/**
	 * A set time, to the millisecond without trailing zeros: {@code 15 s},
	 * {@code 1.25 s}.
	 */
	static String exact(Duration duration) {
		return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
	}

	/** A ratio: {@code 0.42x}. */
	public static String ratio(double ratio) {
		return format("%.2fx", ratio);
	}

	/** {@code 4} or {@code 2.5}. */
	public static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** Whole megabytes, or {@code n/a} for a negative (unknown) size. */
	public static String megabytes(long bytes) {
		return (bytes < 0) ? "n/a" : format("%.0f", bytes / (1024.0 * 1024.0));
	}

}
