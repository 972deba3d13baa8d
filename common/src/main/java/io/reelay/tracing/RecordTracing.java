package io.reelay.tracing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * W3C trace context from the record a stage consumes to every record it publishes for the
 * same request, so that one trace runs from {@code video.requests} to the request's
 * terminal event. The submitter's listener container observes its records itself; the
 * poller and the downloader, which consume in loops of their own, open a
 * {@link RecordWork} per record. A record the stage publishes is stamped, when it is
 * made, with the span in hand; the {@link #template templates} send it as a child of that
 * span whenever and from whichever thread it is sent (in a batch's transaction, after a
 * download). Tracing never fails a record: a broken header means a new trace.
 */
public final class RecordTracing {

	private static final Logger log = LoggerFactory.getLogger(RecordTracing.class);

	private final ObservationRegistry registry;

	private final Tracer tracer;

	private final Propagator propagator;

	public RecordTracing(ObservationRegistry registry, Tracer tracer, Propagator propagator) {
		this.registry = registry;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** No tracing: for code run without a Spring context, e.g. in unit tests. */
	public static RecordTracing none() {
		return new RecordTracing(ObservationRegistry.NOOP, Tracer.NOOP, Propagator.NOOP);
	}

	public ObservationRegistry registry() {
		return this.registry;
	}

	/**
	 * Starts the observation of a record consumed outside a listener container, as such a
	 * container would: its span continues the trace in the record's {@code traceparent},
	 * or starts a new one.
	 * @param group the consumer group, also standing for the listener id
	 * @param requestId the request the record is about, for the MDC; may be null
	 */
	public RecordWork receive(ConsumerRecord<?, ?> record, String group, String requestId) {
		try {
			KafkaRecordReceiverContext context = new KafkaRecordReceiverContext(record, group,
					Thread.currentThread().getName(), group, () -> null);
			Observation observation = KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
					KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE, () -> context,
					this.registry);
			observation.start();
			return new RecordWork(observation, requestId);
		}
		catch (RuntimeException ex) {
			log.debug("could not observe record {}@{} on {}: {}", record.offset(), record.partition(), record.topic(),
					ex.toString());
			return new RecordWork(Observation.NOOP, requestId);
		}
	}

	/**
	 * Writes the span in hand on this thread into a record about to be published, as its
	 * parent ({@code traceparent}, and {@code tracestate} if the trace has one). Without
	 * a span in hand it writes nothing, and the record starts a trace when it is sent.
	 */
	public void stamp(Headers headers) {
		try {
			Span span = this.tracer.currentSpan();
			if (span == null) {
				return;
			}
			this.propagator.inject(span.context(), headers, (carrier, name, value) -> {
				carrier.remove(name);
				if (value != null) {
					carrier.add(name, value.getBytes(StandardCharsets.UTF_8));
				}
			});
		}
		catch (RuntimeException ex) {
			log.debug("could not write the trace context into a record: {}", ex.toString());
		}
	}

	/**
	 * Makes the parent a record was stamped with the current trace context until the
	 * scope closes, so that the span of its sending is that parent's child. Nothing
	 * changes for a record without a usable {@code traceparent}.
	 */
	ContextScope continueFrom(Headers headers) {
		Optional<TraceParent> parent = TraceParent.of(headers);
		if (parent.isEmpty()) {
			return ContextScope.NONE;
		}
		try {
			TraceContext context = this.tracer.traceContextBuilder()
				.traceId(parent.get().traceId())
				.spanId(parent.get().spanId())
				.sampled(parent.get().sampled())
				.build();
			CurrentTraceContext.Scope scope = this.tracer.currentTraceContext().newScope(context);
			return scope::close;
		}
		catch (RuntimeException ex) {
			log.debug("could not continue the trace {}: {}", parent.get(), ex.toString());
			return ContextScope.NONE;
		}
	}

	/**
	 * A template that observes every send, each as a child of the parent the record was
	 * stamped with (or of the span in hand): for the transactional templates the stages
	 * make themselves, which are not beans and would get no observation registry.
	 */
	public <K, V> KafkaTemplate<K, V> template(ProducerFactory<K, V> factory) {
		return new TracedKafkaTemplate<>(factory, this);
	}

	/**
	 * Gives a record that was made without a span in hand (e.g. after its transaction
	 * rolled back, outside the consumed record's observation) the trace of the record
	 * that led to it.
	 */
	public static void continueTrace(ConsumerRecord<?, ?> from, Headers to) {
		if (from == null || to.lastHeader(TraceParent.HEADER) != null) {
			return;
		}
		for (String name : new String[] { TraceParent.HEADER, TraceParent.STATE_HEADER }) {
			Header header = from.headers().lastHeader(name);
			if (header != null && header.value() != null) {
				to.add(name, header.value());
			}
		}
	}

}
