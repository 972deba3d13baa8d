package io.reelay.submitter;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Reads {@code video.requests}, one record at a time, each in a Kafka transaction that
 * commits its outcome and its offset together.
 */
class RequestListener {

	private final Submission submission;

	RequestListener(Submission submission) {
		this.submission = submission;
	}

	@KafkaListener(id = "reelay-submitter", topics = "video.requests",
			containerFactory = SubmitterKafka.CONTAINER_FACTORY)
	void onRequest(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
		this.submission.handle(record, consumer);
	}

}
