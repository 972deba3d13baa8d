package io.reelay.tracing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;

/**
 * Brave behind Micrometer Tracing with W3C propagation, wired as Spring Boot wires it in
 * each service, keeping every span that ends.
 */
final class TestTracing implements AutoCloseable {

	private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

	private final Tracing brave;

	private final RecordTracing tracing;

	TestTracing() {
		this.brave = Tracing.newBuilder()
			.currentTraceContext(ThreadLocalCurrentTraceContext.create())
			.propagationFactory(new W3CPropagation())
			.traceId128Bit(true)
			.sampler(Sampler.ALWAYS_SAMPLE)
			.addSpanHandler(new SpanHandler() {
				@Override
				public boolean end(brave.propagation.TraceContext context, MutableSpan span, Cause cause) {
					TestTracing.this.finished.add(span);
					return true;
				}
			})
			.build();
		BraveTracer tracer = new BraveTracer(this.brave.tracer(),
				new BraveCurrentTraceContext(this.brave.currentTraceContext()), new BraveBaggageManager());
		BravePropagator propagator = new BravePropagator(this.brave);
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
					new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
					new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
					new DefaultTracingObservationHandler(tracer)));
		this.tracing = new RecordTracing(registry, tracer, propagator);
	}

	RecordTracing tracing() {
		return this.tracing;
	}

	/** The spans that ended so far. */
	List<MutableSpan> finished() {
		return List.copyOf(this.finished);
	}

	MutableSpan finishedSpan(String id) {
		return this.finished.stream()
			.filter((span) -> span.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no span " + id + " ended; ended: " + this.finished));
	}

	@Override
	public void close() {
		this.brave.close();
	}

}
