package io.reelay.tracing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import brave.handler.MutableSpan;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTracingTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private final TestTracing traces = new TestTracing();

	private final RecordTracing tracing = this.traces.tracing();

	private final List<MockProducer<String, String>> producers = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		this.traces.close();
		MDC.clear();
	}

	@Test
	void continuesTheTraceOfTheRecordItWorksOn() {
		ConsumerRecord<String, String> in = record("request-1", "00-" + TRACE + "-" + SPAN + "-01");

		TraceParent out = workOn(in);

		assertThat(out.traceId()).isEqualTo(TRACE);
		assertThat(out.spanId()).isNotEqualTo(SPAN);
		MutableSpan received = this.traces.finishedSpan(out.spanId());
		assertThat(received.parentId()).isEqualTo(SPAN);
		assertThat(received.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
	}

	@Test
	void startsATraceForARecordThatCarriesNone() {
		TraceParent first = workOn(record("request-2", null));
		TraceParent second = workOn(record("request-3", null));

		assertThat(first.traceId()).isNotEqualTo(second.traceId());
		assertThat(this.traces.finishedSpan(first.spanId()).parentId()).isNull();
	}

	@Test
	void startsATraceForARecordWithABrokenTraceparentWithoutFailingIt() {
		ConsumerRecord<String, String> garbage = record("request-4", "garbage");
		ConsumerRecord<String, String> zeros = record("request-5", "00-" + "0".repeat(32) + "-" + SPAN + "-01");
		ConsumerRecord<String, String> noValue = record("request-6", null);
		noValue.headers().add(TraceParent.HEADER, null);
		ConsumerRecord<String, String> notText = record("request-7", null);
		notText.headers().add(TraceParent.HEADER, new byte[] { (byte) 0xff, (byte) 0xfe, 0 });

		for (ConsumerRecord<String, String> poison : List.of(garbage, zeros, noValue, notText)) {
			TraceParent out = workOn(poison);
			assertThat(out.traceId()).isNotEqualTo(TRACE);
			assertThat(this.traces.finishedSpan(out.spanId()).parentId()).isNull();
		}
	}

	@Test
	void putsTheRequestIdAndTheTraceInTheMdcWhileTheWorkIsInHand() {
		RecordWork work = this.tracing.receive(record("request-8", "00-" + TRACE + "-" + SPAN + "-01"), "group",
				"request-8");
		try (ContextScope scope = work.open()) {
			assertThat(MDC.get("requestId")).isEqualTo("request-8");
		}
		finally {
			work.close();
		}
		assertThat(MDC.get("requestId")).isNull();
	}

	@Test
	void sendsARecordAsTheChildOfTheSpanItWasStampedWithLaterAndFromAnyThread() throws Exception {
		ConsumerRecord<String, String> in = record("request-9", "00-" + TRACE + "-" + SPAN + "-01");
		ProducerRecord<String, String> out = new ProducerRecord<>("video.completed", "request-9", "{}");
		RecordWork work = this.tracing.receive(in, "group", "request-9");
		try (ContextScope scope = work.open()) {
			this.tracing.stamp(out.headers());
		}
		work.close();
		String workSpan = TraceParent.of(out.headers()).orElseThrow().spanId();

		KafkaTemplate<String, String> template = this.tracing.template(new MockProducerFactory<>(this::producer));
		Thread sender = new Thread(() -> template.send(out));
		sender.start();
		sender.join();

		TraceParent sent = TraceParent.of(sentRecords().get(0).headers()).orElseThrow();
		assertThat(sent.traceId()).isEqualTo(TRACE);
		assertThat(sent.spanId()).isNotIn(SPAN, workSpan);
		MutableSpan sending = this.traces.finishedSpan(sent.spanId());
		assertThat(sending.parentId()).isEqualTo(workSpan);
		assertThat(sending.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
		assertThat(TraceParent.of(out.headers()).orElseThrow().spanId()).as("the record as it was made")
			.isEqualTo(workSpan);
	}

	@Test
	void sendsARecordAgainAfterItsHeadersWereSealedBySendingItOnce() {
		ProducerRecord<String, String> out = new ProducerRecord<>("video.stored", "request-10", "{}");
		out.headers().add(TraceParent.HEADER, ("00-" + TRACE + "-" + SPAN + "-01").getBytes(StandardCharsets.UTF_8));
		((RecordHeaders) out.headers()).setReadOnly();
		KafkaTemplate<String, String> template = this.tracing.template(new MockProducerFactory<>(this::producer));

		template.send(out);
		template.send(out);

		assertThat(sentRecords()).hasSize(2)
			.allSatisfy((sent) -> assertThat(TraceParent.of(sent.headers()).orElseThrow().traceId()).isEqualTo(TRACE));
	}

	@Test
	void stampsNothingWithoutASpanInHand() {
		ProducerRecord<String, String> out = new ProducerRecord<>("video.ledger.poller", "request-11", "{}");

		this.tracing.stamp(out.headers());

		assertThat(out.headers().lastHeader(TraceParent.HEADER)).isNull();
	}

	@Test
	void givesARecordMadeOutsideTheWorkTheTraceOfTheRecordThatLedToIt() {
		ConsumerRecord<String, String> in = record("request-12", "00-" + TRACE + "-" + SPAN + "-01");
		in.headers().add(TraceParent.STATE_HEADER, "vendor=value".getBytes(StandardCharsets.UTF_8));
		ProducerRecord<String, String> failed = new ProducerRecord<>("video.failed", "request-12", "{}");

		RecordTracing.continueTrace(in, failed.headers());

		assertThat(TraceParent.of(failed.headers())).contains(new TraceParent(TRACE, SPAN, true));
		assertThat(new String(failed.headers().lastHeader(TraceParent.STATE_HEADER).value(), StandardCharsets.UTF_8))
			.isEqualTo("vendor=value");
	}

	@Test
	void keepsTheTraceARecordWasStampedWith() {
		ConsumerRecord<String, String> in = record("request-13", "00-" + TRACE + "-" + SPAN + "-01");
		ProducerRecord<String, String> failed = new ProducerRecord<>("video.failed", "request-13", "{}");
		String stamped = "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01";
		failed.headers().add(TraceParent.HEADER, stamped.getBytes(StandardCharsets.UTF_8));

		RecordTracing.continueTrace(in, failed.headers());

		assertThat(TraceParent.of(failed.headers()).orElseThrow().traceId()).isEqualTo("1".repeat(32));
	}

	@Test
	void withoutATracerDoesNothingAndFailsNothing() {
		RecordTracing none = RecordTracing.none();
		ConsumerRecord<String, String> in = record("request-14", "garbage");
		ProducerRecord<String, String> out = new ProducerRecord<>("video.submitted", "request-14", "{}");

		RecordWork work = none.receive(in, "group", "request-14");
		try (ContextScope scope = work.open()) {
			none.stamp(out.headers());
			assertThat(MDC.get("requestId")).isEqualTo("request-14");
		}
		work.close();
		none.template(new MockProducerFactory<>(this::producer)).send(out);

		assertThat(out.headers().lastHeader(TraceParent.HEADER)).isNull();
		assertThat(sentRecords()).hasSize(1);
	}

	/** Works on the record, and returns what the record it publishes carries. */
	private TraceParent workOn(ConsumerRecord<String, String> in) {
		ProducerRecord<String, String> out = new ProducerRecord<>("video.submitted", in.key(), "{}");
		RecordWork work = this.tracing.receive(in, "group", in.key());
		try (ContextScope scope = work.open()) {
			this.tracing.stamp(out.headers());
		}
		finally {
			work.close();
		}
		return TraceParent.of(out.headers()).orElseThrow();
	}

	private static ConsumerRecord<String, String> record(String key, String traceparent) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("video.requests", 0, 0, key, "{}");
		if (traceparent != null) {
			record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}

	private MockProducer<String, String> producer() {
		MockProducer<String, String> producer = new MockProducer<>(true, null, new StringSerializer(),
				new StringSerializer());
		this.producers.add(producer);
		return producer;
	}

	private List<ProducerRecord<String, String>> sentRecords() {
		return this.producers.stream().flatMap((producer) -> producer.history().stream()).toList();
	}

}
