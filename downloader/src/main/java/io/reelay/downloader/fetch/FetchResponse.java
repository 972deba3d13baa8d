package io.reelay.downloader.fetch;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import okhttp3.Response;

/**
 * An answer from the last hop of a download, whatever its status; the caller closes it.
 */
public final class FetchResponse implements Closeable {

	private final Response response;

	private final URI url;

	private final Clock clock;

	private InputStream body;

	FetchResponse(Response response, URI url, Clock clock) {
		this.response = response;
		this.url = url;
		this.clock = clock;
	}

	public int status() {
		return this.response.code();
	}

	/** The URL that answered, after any redirects. */
	public URI url() {
		return this.url;
	}

	/** Bytes in the body as the server announced them, or -1. */
	public long contentLength() {
		return this.response.body().contentLength();
	}

	/** The {@code Content-Range} header, or null when absent or unreadable. */
	public ContentRange contentRange() {
		return ContentRange.parse(header("Content-Range"));
	}

	public String etag() {
		return header("ETag");
	}

	public String lastModified() {
		return header("Last-Modified");
	}

	/** Whether the server said {@code Accept-Ranges: bytes}. */
	public boolean acceptsRanges() {
		for (String value : this.response.headers("Accept-Ranges")) {
			for (String unit : value.split(",")) {
				if (unit.trim().equalsIgnoreCase("bytes")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * How long the server asked to wait, from seconds or an HTTP date; null when absent
	 * or unreadable.
	 */
	public Duration retryAfter() {
		String value = header("Retry-After");
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.trim().matches("\\d{1,18}")) {
			return Duration.ofSeconds(Long.parseLong(value.trim()));
		}
		Instant at = this.response.headers().getInstant("Retry-After");
		if (at == null) {
			return null;
		}
		Duration wait = Duration.between(this.clock.instant(), at);
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	public String contentType() {
		return header("Content-Type");
	}

	/** Any response header, or null. */
	public String header(String name) {
		return this.response.header(name);
	}

	/** The body exactly as sent: Reelay asks for {@code identity}, never gzip. */
	public InputStream body() {
		if (this.body == null) {
			this.body = new ZeroLengthReads(this.response.body().byteStream());
		}
		return this.body;
	}

	/**
	 * The start of the body as printable text, for error messages. Reads the body, so use
	 * it instead of {@link #body()}.
	 */
	public String bodySnippet(int max) {
		if (max <= 0) {
			return "";
		}
		byte[] head;
		try {
			head = body().readNBytes(max + 1);
		}
		catch (IOException ex) {
			return "";
		}
		boolean more = head.length > max;
		String text = new String(head, 0, Math.min(head.length, max), StandardCharsets.UTF_8);
		return printable(text) + (more ? "..." : "");
	}

	/** Closes the connection's use; an unread body is discarded. */
	@Override
	public void close() {
		this.response.close();
	}

	/**
	 * Only characters a log shows as they are: control and bidi characters could forge or
	 * hide log lines.
	 */
	static String printable(String text) {
		StringBuilder printable = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
				if (printable.length() > 0 && printable.charAt(printable.length() - 1) != ' ') {
					printable.append(' ');
				}
			}
			else if (c != 0xFFFD && isShown(Character.getType(c))) {
				printable.appendCodePoint(c);
			}
		});
		return printable.toString().trim();
	}

	/**
	 * Okio's stream blocks on a zero-length read while its buffer is empty, and
	 * {@link InputStream#readNBytes(int)} ends with one: it would wait for the next
	 * bytes, or the read timeout, after getting all it asked for.
	 */
	private static final class ZeroLengthReads extends FilterInputStream {

		ZeroLengthReads(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			Objects.checkFromIndexSize(offset, length, bytes.length);
			return (length == 0) ? 0 : super.read(bytes, offset, length);
		}

	}

	private static boolean isShown(int type) {
		return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
				&& type != Character.SURROGATE;
	}

}
