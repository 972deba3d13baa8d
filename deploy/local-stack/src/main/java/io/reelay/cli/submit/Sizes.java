package io.reelay.cli.submit;

import java.util.Locale;

/** Byte counts as the CLI prints them. */
final class Sizes {

	private Sizes() {
	}

	/** {@code 61.0 KB}, {@code 12.4 MB}. */
	static String kilobytes(long bytes) {
		if (bytes >= 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
		}
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

}
