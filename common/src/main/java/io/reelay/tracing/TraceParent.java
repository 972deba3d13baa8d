package io.reelay.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A W3C {@code traceparent} header (version 00): which trace a record belongs to and the
 * span it is a child of. Anything else a record may carry under that name (another
 * version's extra fields aside) reads as no trace at all, never as an error: a record
 * with a broken header is still handled, in a new trace.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param sampled whether the trace is recorded
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

	/** The W3C header that names the trace and the parent span. */
	public static final String HEADER = "traceparent";

	/** The W3C header with vendors' own trace data, passed on as it came. */
	public static final String STATE_HEADER = "tracestate";

	private static final Pattern FORM = Pattern
		.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

	private static final String ZERO_TRACE = "0".repeat(32);

	private static final String ZERO_SPAN = "0".repeat(16);

	/** The trace a record's headers name, if they name one properly. */
	public static Optional<TraceParent> of(Headers headers) {
		Header header = (headers != null) ? headers.lastHeader(HEADER) : null;
		if (header == null || header.value() == null) {
			return Optional.empty();
		}
		return parse(new String(header.value(), StandardCharsets.UTF_8));
	}

	public static Optional<TraceParent> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		var matcher = FORM.matcher(text.trim());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String version = matcher.group(1);
		// version ff is forbidden; 00 has exactly four fields, later versions may add
		// some
		if (version.equals("ff") || (version.equals("00") && matcher.group(5) != null)) {
			return Optional.empty();
		}
		String traceId = matcher.group(2);
		String spanId = matcher.group(3);
		if (traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
			return Optional.empty();
		}
		boolean sampled = (Integer.parseInt(matcher.group(4), 16) & 1) == 1;
		return Optional.of(new TraceParent(traceId, spanId, sampled));
	}

	/** The header's value. */
	@Override
	public String toString() {
		return "00-" + this.traceId + "-" + this.spanId + (this.sampled ? "-01" : "-00");
	}

}
