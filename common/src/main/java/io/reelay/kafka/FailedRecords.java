package io.reelay.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.tracing.RecordTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * The last word on a record a stage gave up on: every request ends in a
 * {@link VideoFailed}. A record that failed for a known reason (provider, storage) is
 * fine in itself; a record that is poison (unreadable, invalid, a bug) also goes to the
 * topic's dead-letter topic, with the reason in Spring's {@code kafka_dlt-*} headers, so
 * the partition moves on and nothing is lost. A stage with its own transactions takes the
 * records from {@link #outcome} and sends them with its offsets; as a
 * {@link ConsumerRecordRecoverer} it sends them itself.
 */
public final class FailedRecords implements ConsumerRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(FailedRecords.class);

	private final Stage stage;

	private final EventPublisher events;

	private final Clock clock;

	public FailedRecords(Stage stage, EventPublisher events, Clock clock) {
		this.stage = stage;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		outcome(record, exception).forEach(this.events::send);
	}

	/**
	 * What ends the record's request: its dead letter when the record itself is at fault,
	 * and the {@code video.failed} when the request id is known.
	 */
	public List<ProducerRecord<String, Object>> outcome(ConsumerRecord<?, ?> record, Exception exception) {
		String key = (record.key() != null) ? record.key().toString() : null;
		byte[] value = (record.value() instanceof byte[] bytes) ? bytes : null;
		FailureContext context = FailureContext.ofRecord(key, value);
		List<ProducerRecord<String, Object>> out = new ArrayList<>();
		ReelayException known = find(exception, ReelayException.class);
		String reason = (known != null) ? known.getMessage()
				: NestedExceptionUtils.getMostSpecificCause(exception).getMessage();
		VideoFailed failed;
		if (known != null && known.code() != FailureCode.INVALID_REQUEST) {
			log.warn("request {} failed in {}: {}", key, this.stage, known.getMessage());
			failed = context.failed(this.stage, known, this.clock.instant());
		}
		else if (known != null || unreadable(exception)) {
			log.warn("record {}@{} on {} is poison, sent to {}-dlt: {}", record.offset(), record.partition(),
					record.topic(), record.topic(), reason);
			out.add(deadLetter(record, key, value, exception, reason));
			String what = (known != null) ? "the request is invalid: "
					: "the record on " + record.topic() + " is not a valid event: ";
			failed = context.failed(this.stage, FailureCode.INVALID_REQUEST,
					(known != null ? reason : what + reason) + " (kept on " + record.topic() + "-dlt)", null,
					this.clock.instant());
		}
		else {
			log.error("record {}@{} on {} could not be processed, sent to {}-dlt", record.offset(), record.partition(),
					record.topic(), record.topic(), exception);
			out.add(deadLetter(record, key, value, exception, reason));
			failed = context.failed(
					this.stage, FailureCode.INTERNAL, "Reelay's " + this.stage.name().toLowerCase(Locale.ROOT)
							+ " failed on this request: " + reason + " (kept on " + record.topic() + "-dlt)",
					null, this.clock.instant());
		}
		// without a request id there is no request to end; the dead-letter topic keeps
		// the record
		if (failed.requestId() != null) {
			ProducerRecord<String, Object> ending = this.events.recordOf(failed);
			RecordTracing.continueTrace(record, ending.headers());
			out.add(ending);
		}
		return out;
	}

	private static boolean unreadable(Exception exception) {
		return find(exception, ConversionException.class) != null
				|| find(exception, MessageConversionException.class) != null
				|| find(exception, UnusableRecordException.class) != null;
	}

	/** The record as it came, on the same partition of the dead-letter topic. */
	private static ProducerRecord<String, Object> deadLetter(ConsumerRecord<?, ?> record, String key, byte[] value,
			Exception exception, String reason) {
		ProducerRecord<String, Object> letter = new ProducerRecord<>(record.topic() + "-dlt", record.partition(), key,
				(value != null) ? value : new byte[0]);
		for (Header header : record.headers()) {
			letter.headers().add(header);
		}
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
		letter.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, text(record.topic()))
			.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(record.partition()).array())
			.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(record.offset()).array())
			.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(record.timestamp()).array())
			.add(KafkaHeaders.DLT_EXCEPTION_FQCN, text(cause.getClass().getName()))
			.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, text((reason != null) ? reason : cause.toString()));
		return letter;
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static <T extends Throwable> T find(Throwable failure, Class<T> type) {
		Throwable cause = failure;
		while (cause != null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
			cause = cause.getCause();
		}
		return null;
	}

}
