package io.reelay.downloader.fetch;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code Content-Range: bytes first-last/total} header. An unsatisfiable range
 * ({@code bytes *}{@code /total}, sent with 416) has first and last -1.
 *
 * @param first offset of the first byte sent, or -1
 * @param last offset of the last byte sent, or -1
 * @param total the file's length, or -1 when the server wrote {@code *}
 */
public record ContentRange(long first, long last, long total) {

	private static final Pattern FORM = Pattern.compile("bytes\\s+(?:(\\d{1,18})-(\\d{1,18})|\\*)/(\\d{1,18}|\\*)",
			Pattern.CASE_INSENSITIVE);

	/** The header's range, or null when it is absent or makes no sense. */
	public static ContentRange parse(String header) {
		if (header == null) {
			return null;
		}
		Matcher matcher = FORM.matcher(header.trim());
		if (!matcher.matches()) {
			return null;
		}
		long total = matcher.group(3).equals("*") ? -1 : Long.parseLong(matcher.group(3));
		if (matcher.group(1) == null) {
			return (total >= 0) ? new ContentRange(-1, -1, total) : null;
		}
		long first = Long.parseLong(matcher.group(1));
		long last = Long.parseLong(matcher.group(2));
		if (last < first || (total >= 0 && last >= total)) {
			return null;
		}
		return new ContentRange(first, last, total);
	}

	/** Bytes in the range, or -1 for an unsatisfiable range. */
	public long length() {
		return (this.first < 0) ? -1 : this.last - this.first + 1;
	}

}
