package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.UnusableRecordException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Takes new jobs from {@code video.submitted} and due polls from
 * {@code video.poll-delay}. A poll that is not due yet is handed back to the container
 * with the time left: the partition pauses until then while no thread sleeps.
 */
@Component
class JobListener {

	private final PollScheduler scheduler;

	private final StatusCheck statusCheck;

	private final Duration interval;

	private final Clock clock;

	JobListener(PollScheduler scheduler, StatusCheck statusCheck, PollerProperties properties, Clock clock) {
		this.scheduler = scheduler;
		this.statusCheck = statusCheck;
		this.interval = properties.interval();
		this.clock = clock;
	}

	@KafkaListener(id = "reelay-poller", topics = "video.submitted")
	void onSubmitted(VideoSubmitted job) {
		requireFollowable(job);
		// generation takes a while: the first check waits one interval like the others
		this.scheduler.schedule(job, 1);
	}

	/**
	 * A job without these can never be checked: refuse it at once rather than after
	 * retries.
	 */
	static void requireFollowable(VideoSubmitted job) {
		for (String[] field : new String[][] { { "requestId", job.requestId() }, { "provider", job.provider() },
				{ "providerTaskId", job.providerTaskId() } }) {
			if (field[1] == null || field[1].isBlank()) {
				throw new UnusableRecordException("the video.submitted record has no " + field[0]);
			}
		}
	}

	@KafkaListener(id = "reelay-poller-due", topics = PollTopics.POLL_DELAY,
			containerFactory = "pollDelayContainerFactory")
	void onPollDue(VideoSubmitted job, @Header(KafkaHeaders.RECEIVED_TIMESTAMP) long writtenAt,
			@Header(name = PollScheduler.ATTEMPT_HEADER, required = false) String attempt,
			Acknowledgment acknowledgment) {
		Instant due = Instant.ofEpochMilli(writtenAt).plus(this.interval);
		Duration wait = Duration.between(this.clock.instant(), due);
		if (!wait.isNegative() && !wait.isZero()) {
			acknowledgment.nack(wait);
			return;
		}
		this.statusCheck.check(job, (attempt != null) ? Integer.parseInt(attempt) : 1);
		acknowledgment.acknowledge();
	}

}
