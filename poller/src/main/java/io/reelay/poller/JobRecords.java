package io.reelay.poller;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The job a {@code video.submitted} or pending-poll record carries, refused at once when
 * it could never be followed.
 */
final class JobRecords {

	private JobRecords() {
	}

	/**
	 * The job a record carries.
	 * @throws UnusableRecordException when it is unusable: then it is dead-lettered and
	 * its request failed, and the batch goes on
	 */
	static VideoSubmitted read(ConsumerRecord<String, byte[]> record) {
		try {
			VideoSubmitted job = EventJson.mapper().readValue(record.value(), VideoSubmitted.class);
			requireFollowable(job);
			return job;
		}
		catch (UnusableRecordException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new UnusableRecordException(
					"the " + record.topic() + " record is not a " + EventType.SUBMITTED.topic() + " event: " + ex, ex);
		}
	}

	/**
	 * A job without these can never be checked: refuse it at once rather than after
	 * retries.
	 */
	static void requireFollowable(VideoSubmitted job) {
		if (job == null) {
			throw new UnusableRecordException("the record is empty");
		}
		for (String[] field : new String[][] { { "requestId", job.requestId() }, { "provider", job.provider() },
				{ "providerTaskId", job.providerTaskId() } }) {
			if (field[1] == null || field[1].isBlank()) {
				throw new UnusableRecordException("the video.submitted record has no " + field[0]);
			}
		}
		if (job.submittedAt() == null) {
			throw new UnusableRecordException("the video.submitted record has no submittedAt");
		}
	}

}
