package io.reelay.kafka;

import java.time.Clock;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.kafka.support.converter.ConversionException;

/**
 * The last word on a record a stage gave up on: every request ends in a
 * {@link io.reelay.event.VideoFailed}. A record that failed for a known reason (provider,
 * storage) is fine in itself; anything else (unreadable JSON, a bug) also goes to the
 * topic's dead-letter topic with the reason in headers, so the partition moves on and
 * nothing is lost.
 */
final class FailedRecordRecoverer implements ConsumerRecordRecoverer {

	private static final Logger log = LoggerFactory.getLogger(FailedRecordRecoverer.class);

	private final Stage stage;

	private final EventPublisher events;

	private final DeadLetterPublishingRecoverer deadLetters;

	private final Clock clock;

	FailedRecordRecoverer(Stage stage, EventPublisher events, DeadLetterPublishingRecoverer deadLetters, Clock clock) {
		this.stage = stage;
		this.events = events;
		this.deadLetters = deadLetters;
		this.clock = clock;
	}

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		String key = (record.key() != null) ? record.key().toString() : null;
		FailureContext context = FailureContext.ofRecord(key, (record.value() instanceof byte[] bytes) ? bytes : null);
		ReelayException known = find(exception, ReelayException.class);
		if (known != null) {
			log.warn("request {} failed in {}: {}", key, this.stage, known.getMessage());
			publish(context.failed(this.stage, known, this.clock.instant()));
			return;
		}
		this.deadLetters.accept(record, exception);
		boolean unreadable = find(exception, ConversionException.class) != null
				|| find(exception, MessageConversionException.class) != null
				|| find(exception, UnusableRecordException.class) != null;
		String reason = NestedExceptionUtils.getMostSpecificCause(exception).getMessage();
		if (unreadable) {
			log.warn("record {}@{} on {} is not a valid event, sent to {}-dlt: {}", record.offset(), record.partition(),
					record.topic(), record.topic(), reason);
			publish(context.failed(
					this.stage, FailureCode.INVALID_REQUEST, "the record on " + record.topic()
							+ " is not a valid event: " + reason + " (kept on " + record.topic() + "-dlt)",
					null, this.clock.instant()));
		}
		else {
			log.error("record {}@{} on {} could not be processed, sent to {}-dlt", record.offset(), record.partition(),
					record.topic(), record.topic(), exception);
			publish(context.failed(
					this.stage, FailureCode.INTERNAL, "Reelay's " + this.stage.name().toLowerCase(java.util.Locale.ROOT)
							+ " failed on this request: " + reason + " (kept on " + record.topic() + "-dlt)",
					null, this.clock.instant()));
		}
	}

	private void publish(VideoFailed failed) {
		// without a request id there is no request to end; the dead-letter topic keeps
		// the record
		if (failed.requestId() != null) {
			this.events.publish(failed);
		}
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
