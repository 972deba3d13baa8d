package io.reelay.simulator;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code [sim:bytes=<size>]} in a prompt: the job's video is the shortest clip of at
 * least this size, instead of the settings' size. Crash tests mix a few videos large
 * enough for a multipart upload into many small ones.
 */
public final class SizeMarker {

	private static final Pattern MARKER = Pattern.compile("\\[sim:bytes=\\s*(\\d{1,10})\\s*(kib|mib|gib)?\\s*\\]",
			Pattern.CASE_INSENSITIVE);

	/** Larger videos are for the downloader bench, which sets the size for all. */
	private static final long MAX = 1L << 30;

	private SizeMarker() {
	}

	/**
	 * The video size a prompt asks for: bytes, or {@code KiB}, {@code MiB}, {@code GiB},
	 * from 1 byte up to 1 GiB. Empty without a marker, or when its value does not read as
	 * such a size: a typo in a prompt must not break the job.
	 */
	public static OptionalLong in(String prompt) {
		if (prompt == null) {
			return OptionalLong.empty();
		}
		Matcher marker = MARKER.matcher(prompt);
		if (!marker.find()) {
			return OptionalLong.empty();
		}
		long unit = switch ((marker.group(2) != null) ? marker.group(2).toLowerCase(Locale.ROOT) : "") {
			case "kib" -> 1L << 10;
			case "mib" -> 1L << 20;
			case "gib" -> 1L << 30;
			default -> 1;
		};
		long bytes = Long.parseLong(marker.group(1)) * unit;
		return (bytes >= 1 && bytes <= MAX) ? OptionalLong.of(bytes) : OptionalLong.empty();
	}

}
