package io.reelay.submitter;

import java.time.Instant;

import io.reelay.event.EventJson;
import io.reelay.event.VideoRequested;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a {@code video.requests} record, filling in what a producer may leave out: the id
 * from the key, the time from the record.
 */
final class RequestReader {

	private RequestReader() {
	}

	static VideoRequested read(ConsumerRecord<String, byte[]> record) {
		if (record.value() == null) {
			throw new UnusableRecordException("the record has no value");
		}
		VideoRequested request;
		try {
			request = EventJson.mapper().readValue(record.value(), VideoRequested.class);
		}
		catch (RuntimeException ex) {
			throw new UnusableRecordException("the record is not a video.requests event: " + ex.getMessage(), ex);
		}
		if (request == null) {
			throw new UnusableRecordException("the record is empty");
		}
		if (request.requestId() == null || request.requestId().isBlank()) {
			if (record.key() == null || record.key().isBlank()) {
				throw new UnusableRecordException("the record has neither a requestId nor a key");
			}
			request = request.withRequestId(record.key());
		}
		if (request.requestedAt() == null) {
			request = request.withRequestedAt(Instant.ofEpochMilli(record.timestamp()));
		}
		return request;
	}

}
