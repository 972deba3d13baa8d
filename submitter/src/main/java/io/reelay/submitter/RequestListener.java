package io.reelay.submitter;

import io.reelay.event.VideoRequested;
import io.reelay.kafka.UnusableRecordException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/** Reads {@code video.requests}; one record, one submission. */
@Component
class RequestListener {

	private final Submission submission;

	RequestListener(Submission submission) {
		this.submission = submission;
	}

	@KafkaListener(id = "reelay-submitter", topics = "video.requests")
	void onRequest(VideoRequested request, @Header(name = KafkaHeaders.RECEIVED_KEY, required = false) String key,
			@Header(KafkaHeaders.RECEIVED_TIMESTAMP) long timestamp) {
		this.submission.submit(complete(request, key, timestamp));
	}

	/**
	 * Fills in what a producer may leave out: the id from the key, the time from the
	 * record.
	 */
	private static VideoRequested complete(VideoRequested request, String key, long timestamp) {
		VideoRequested completed = request;
		if (completed.requestId() == null || completed.requestId().isBlank()) {
			if (key == null || key.isBlank()) {
				throw new UnusableRecordException("the record has neither a requestId nor a key");
			}
			completed = completed.withRequestId(key);
		}
		if (completed.requestedAt() == null) {
			completed = completed.withRequestedAt(java.time.Instant.ofEpochMilli(timestamp));
		}
		return completed;
	}

}
