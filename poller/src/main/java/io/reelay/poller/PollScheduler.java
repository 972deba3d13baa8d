package io.reelay.poller;

import java.util.Map;

import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;

import org.springframework.stereotype.Component;

/** Puts a job's next status check on the poll-delay topic. */
@Component
class PollScheduler {

	static final String ATTEMPT_HEADER = "reelay_poll_attempt";

	static final String CLOUD_EVENT_TYPE = "io.reelay.poll.scheduled";

	private final EventPublisher events;

	PollScheduler(EventPublisher events) {
		this.events = events;
	}

	/** Schedules status check number {@code attempt} (1 for the first) of a job. */
	void schedule(VideoSubmitted job, int attempt) {
		this.events.publish(PollTopics.POLL_DELAY, job.requestId(), job, CLOUD_EVENT_TYPE,
				Map.of(ATTEMPT_HEADER, Integer.toString(attempt)));
	}

}
