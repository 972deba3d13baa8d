package io.reelay.cli.bench;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video size as {@code reelay bench download} takes and prints it: {@code 1GiB},
 * {@code 100MiB}, {@code 512KiB} or plain bytes.
 *
 * @param bytes how many bytes, at least one
 */
public record DownloadSize(long bytes) {

	private static final long KIB = 1024;

	private static final long MIB = KIB * 1024;

	private static final long GIB = MIB * 1024;

	private static final Pattern FORM = Pattern.compile("(\\d{1,15})\\s*(B|KiB|MiB|GiB)?", Pattern.CASE_INSENSITIVE);

	public DownloadSize {
		if (bytes < 1) {
			throw new IllegalArgumentException("a size must be at least 1 byte, got " + bytes);
		}
	}

	/** {@code 1GiB}, {@code 100MiB}, {@code 512KiB}, {@code 5000} or {@code 5000B}. */
	public static DownloadSize parse(String text) {
		Matcher matcher = FORM.matcher((text != null) ? text.trim() : "");
		if (!matcher.matches()) {
			throw new IllegalArgumentException(
					"a size is a number of bytes, optionally with a unit: 1GiB, 100MiB, 512KiB or 5000, got '" + text
							+ "'");
		}
		long number = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2).toLowerCase(Locale.ROOT) : "b";
		long scale = switch (unit) {
			case "kib" -> KIB;
			case "mib" -> MIB;
			case "gib" -> GIB;
			default -> 1;
		};
		try {
			return new DownloadSize(Math.multiplyExact(number, scale));
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("the size " + text + " is too large", ex);
		}
	}

	/** The shortest exact form: {@code 1GiB}, {@code 100MiB}, {@code 5000B}. */
	public String label() {
		if (this.bytes % GIB == 0) {
			return (this.bytes / GIB) + "GiB";
		}
		if (this.bytes % MIB == 0) {
			return (this.bytes / MIB) + "MiB";
		}
		if (this.bytes % KIB == 0) {
			return (this.bytes / KIB) + "KiB";
		}
		return this.bytes + "B";
	}

	@Override
	public String toString() {
		return label();
	}

}
