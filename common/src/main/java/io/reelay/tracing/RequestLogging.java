package io.reelay.tracing;

import java.util.Map;
import java.util.function.Supplier;

import io.reelay.event.FailureContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The request id on every log line a stage writes while it works on a request: the MDC
 * key {@value #MDC_KEY}, beside the {@code traceId} and {@code spanId} that tracing puts
 * there. Log patterns and the JSON formats show it (docs/tracing.md).
 */
public final class RequestLogging {

	public static final String MDC_KEY = "requestId";

	private RequestLogging() {
	}

	/**
	 * Puts the request id in this thread's MDC until the scope closes, which puts back
	 * what was there before. A null id changes nothing.
	 */
	public static ContextScope forRequest(String requestId) {
		if (requestId == null) {
			return ContextScope.NONE;
		}
		String before = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, requestId);
		return () -> restore(MDC_KEY, before);
	}

	/**
	 * The request a consumed record is about: its key, as every stage writes it, else the
	 * {@code requestId} in its value, if it has one.
	 */
	public static String requestIdOf(ConsumerRecord<?, ?> record) {
		if (record.key() != null && !record.key().toString().isBlank()) {
			return record.key().toString();
		}
		return (record.value() instanceof byte[] value) ? FailureContext.ofRecord(null, value).requestId() : null;
	}

	/**
	 * The work with this thread's MDC (request id, trace and span ids) as it is now, for
	 * another thread to run: a status call in a provider's pool, for one.
	 */
	public static <T> Supplier<T> carry(Supplier<T> work) {
		Map<String, String> captured = MDC.getCopyOfContextMap();
		return () -> {
			Map<String, String> before = MDC.getCopyOfContextMap();
			set(captured);
			try {
				return work.get();
			}
			finally {
				set(before);
			}
		};
	}

	/** {@link #carry(Supplier)} for work without a result. */
	public static Runnable carry(Runnable work) {
		Supplier<Void> carried = carry(() -> {
			work.run();
			return null;
		});
		return carried::get;
	}

	private static void set(Map<String, String> context) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		else {
			MDC.clear();
		}
	}

	private static void restore(String key, String value) {
		if (value != null) {
			MDC.put(key, value);
		}
		else {
			MDC.remove(key);
		}
	}

}
