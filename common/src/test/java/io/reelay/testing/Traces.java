package io.reelay.testing;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.reelay.tracing.TraceParent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** W3C trace context as a client sends it, and as the stages' records carry it. */
public final class Traces {

	private Traces() {
	}

	/** A client's span in a trace of its own. */
	public static TraceParent newTrace() {
		return new TraceParent(hex(16), hex(8), true);
	}

	/** The headers a client sends a request with, in its trace. */
	public static Map<String, String> headers(TraceParent parent) {
		return Map.of(TraceParent.HEADER, parent.toString());
	}

	/** The trace a record carries; fails when it carries none. */
	public static TraceParent of(ConsumerRecord<?, ?> record) {
		return TraceParent.of(record.headers())
			.orElseThrow(() -> new AssertionError("no traceparent on " + record.topic() + " record " + record.key()));
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		random[0] |= 1;
		return HexFormat.of().formatHex(random);
	}

}
