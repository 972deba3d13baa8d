package io.reelay.submitter;

import io.reelay.tracing.ContextScope;
import io.reelay.tracing.RequestLogging;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code video.requests}, one record at a time, each in a Kafka transaction that
 * commits its outcome and its offset together.
 */
class RequestListener {

	/** The listener's id, and so its consumer group. */
	static final String GROUP = "reelay-submitter";

	private final Submission submission;

	RequestListener(Submission submission) {
		this.submission = submission;
	}

	@KafkaListener(id = GROUP, topics = "video.requests", containerFactory = SubmitterKafka.CONTAINER_FACTORY)
	void onRequest(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
		// the container's observation put the record's trace and span ids in the MDC
		try (ContextScope logging = RequestLogging.forRequest(RequestLogging.requestIdOf(record))) {
			this.submission.handle(record, consumer);
		}
	}

}
