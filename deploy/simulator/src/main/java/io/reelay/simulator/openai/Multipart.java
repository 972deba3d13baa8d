package io.reelay.simulator.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code multipart/form-data} body split into its parts. */
final class Multipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=(\"?)([^\";]+)\\1");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

	private static final byte[] CRLF = { '\r', '\n' };

	private static final byte[] BLANK_LINE = { '\r', '\n', '\r', '\n' };

	/** One field or file; {@code filename} is {@code null} for a plain field. */
	record Part(String name, String filename, String contentType, byte[] content) {

		boolean isFile() {
			return this.filename != null;
		}

		String text() {
			return new String(this.content, StandardCharsets.UTF_8);
		}

	}

	private Multipart() {
	}

	/**
	 * The parts of a body, by the boundary of its {@code Content-Type}.
	 * @throws IllegalArgumentException when the body is not well-formed multipart
	 */
	static List<Part> parse(String contentType, byte[] body) {
		Matcher boundary = BOUNDARY.matcher((contentType != null) ? contentType : "");
		if (!boundary.find()) {
			throw new IllegalArgumentException("no boundary in the Content-Type");
		}
		byte[] delimiter = ("--" + boundary.group(2)).getBytes(StandardCharsets.US_ASCII);
		byte[] separator = ("\r\n--" + boundary.group(2)).getBytes(StandardCharsets.US_ASCII);
		int position = indexOf(body, delimiter, 0);
		if (position < 0) {
			throw new IllegalArgumentException("the boundary never occurs");
		}
		position += delimiter.length;
		List<Part> parts = new ArrayList<>();
		while (!startsWith(body, position, new byte[] { '-', '-' })) {
			if (!startsWith(body, position, CRLF)) {
				throw new IllegalArgumentException("a boundary is not followed by a line break");
			}
			int headersEnd = indexOf(body, BLANK_LINE, position);
			int end = indexOf(body, separator, Math.max(headersEnd, position));
			if (headersEnd < 0 || end < 0) {
				throw new IllegalArgumentException("a part is not closed by the boundary");
			}
			String headers = new String(body, position + CRLF.length, headersEnd - position - CRLF.length,
					StandardCharsets.UTF_8);
			parts.add(part(headers, Arrays.copyOfRange(body, headersEnd + BLANK_LINE.length, end)));
			position = end + separator.length;
		}
		return parts;
	}

	private static Part part(String headers, byte[] content) {
		String disposition = null;
		String type = null;
		for (String line : headers.split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-disposition:")) {
				disposition = line;
			}
			else if (lower.startsWith("content-type:")) {
				type = line.substring("content-type:".length()).trim();
			}
		}
		Matcher name = NAME.matcher((disposition != null) ? disposition : "");
		if (!name.find()) {
			throw new IllegalArgumentException("a part has no name");
		}
		Matcher filename = FILENAME.matcher(disposition);
		return new Part(name.group(1), filename.find() ? filename.group(1) : null, type, content);
	}

	private static boolean startsWith(byte[] body, int at, byte[] prefix) {
		return at + prefix.length <= body.length
				&& Arrays.equals(body, at, at + prefix.length, prefix, 0, prefix.length);
	}

	private static int indexOf(byte[] body, byte[] wanted, int from) {
		for (int at = Math.max(0, from); at <= body.length - wanted.length; at++) {
			if (startsWith(body, at, wanted)) {
				return at;
			}
		}
		return -1;
	}

}
