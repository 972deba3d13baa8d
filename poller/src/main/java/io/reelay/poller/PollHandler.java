package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.UnusableRecordException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.stereotype.Component;

/**
 * Turns a batch of due records into what the poller publishes next: a new job's first
 * pending poll, a wait's next hop, a check deferred by its provider's gate, or the
 * outcome of a status call. The batch's status calls all run at once, each in its
 * provider's pool.
 */
@Component
class PollHandler {

	private static final Duration ON_TIME = Duration.ofMillis(20);

	private final DelayTiers tiers;

	private final PollPlanner planner;

	private final StatusCalls calls;

	private final StatusCheck statusCheck;

	private final EventPublisher events;

	private final ConsumerRecordRecoverer failedRecords;

	private final Clock clock;

	PollHandler(DelayTiers tiers, PollPlanner planner, StatusCalls calls, StatusCheck statusCheck,
			EventPublisher events, ConsumerRecordRecoverer failedRecordRecoverer, Clock clock) {
		this.tiers = tiers;
		this.planner = planner;
		this.calls = calls;
		this.statusCheck = statusCheck;
		this.events = events;
		this.failedRecords = failedRecordRecoverer;
		this.clock = clock;
	}

	/** When a record on a poll-delay topic is to be handled. */
	Instant handleAt(ConsumerRecord<String, byte[]> record) {
		Instant byTier = Instant.ofEpochMilli(record.timestamp()).plus(this.tiers.delayOf(record.topic()));
		Instant due = PendingPoll.dueOf(record.headers());
		return (due != null && due.isBefore(byTier)) ? due : byTier;
	}

	List<ProducerRecord<String, Object>> handle(List<ConsumerRecord<String, byte[]>> records) {
		Instant now = this.clock.instant();
		Batch batch = new Batch();
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				route(record, now, batch);
			}
			catch (RuntimeException ex) {
				// a fault with one record must not hold up its partition: it is
				// dead-lettered and its request failed, and the batch goes on
				this.failedRecords.accept(record, ex);
			}
		}
		for (int i = 0; i < batch.checked.size(); i++) {
			StatusCalls.StatusAnswer answer = batch.answers.get(i).join();
			Instant answeredAt = this.clock.instant();
			try {
				StatusCheck.Outcome outcome = this.statusCheck.decide(batch.checked.get(i), answer, answeredAt);
				batch.out.add((outcome.terminal() != null) ? this.events.recordOf(outcome.terminal())
						: pending(outcome.next(), answeredAt));
			}
			catch (RuntimeException ex) {
				this.failedRecords.accept(batch.checkedRecords.get(i), ex);
			}
		}
		return batch.out;
	}

	/**
	 * What one record leads to: a first pending poll, the next hop, a deferral, or a
	 * status call.
	 */
	private void route(ConsumerRecord<String, byte[]> record, Instant now, Batch batch) {
		VideoSubmitted job = readJob(record);
		if (job == null) {
			return;
		}
		if (!this.tiers.isTier(record.topic())) {
			batch.out.add(pending(this.planner.first(job, now), now));
			return;
		}
		PendingPoll poll = PendingPoll.read(job, record.headers(), now);
		if (Duration.between(now, poll.due()).compareTo(tolerance(poll)) > 0) {
			batch.out.add(pending(poll, now));
			return;
		}
		int waiting = batch.deferred.getOrDefault(job.provider(), 0);
		Duration wait = this.calls.gateOf(job.provider()).admit(now, waiting);
		if (!wait.isZero()) {
			batch.deferred.put(job.provider(), waiting + 1);
			batch.out.add(pending(this.planner.deferred(poll, wait, now), now));
			return;
		}
		batch.checked.add(poll);
		batch.checkedRecords.add(record);
		batch.answers.add(this.calls.check(job));
	}

	/**
	 * A check this close to its due time goes now rather than taking one more hop: a
	 * twentieth of the wait early at most.
	 */
	private static Duration tolerance(PendingPoll poll) {
		Duration fraction = Duration.between(poll.plannedAt(), poll.due()).dividedBy(20);
		return (fraction.compareTo(ON_TIME) > 0) ? fraction : ON_TIME;
	}

	private ProducerRecord<String, Object> pending(PendingPoll poll, Instant now) {
		Duration remaining = Duration.between(now, poll.due());
		return this.events.recordOf(this.tiers.topicFor(remaining), poll.job().requestId(), poll.job(),
				PendingPoll.CLOUD_EVENT_TYPE, poll.headers());
	}

	/**
	 * The job a record carries, or null when it is unusable: then it is dead-lettered and
	 * its request failed, and the batch goes on.
	 */
	private VideoSubmitted readJob(ConsumerRecord<String, byte[]> record) {
		try {
			VideoSubmitted job = EventJson.mapper().readValue(record.value(), VideoSubmitted.class);
			requireFollowable(job);
			return job;
		}
		catch (RuntimeException ex) {
			RuntimeException reason = (ex instanceof UnusableRecordException) ? ex : new UnusableRecordException(
					"the " + record.topic() + " record is not a " + EventType.SUBMITTED.topic() + " event: " + ex, ex);
			this.failedRecords.accept(record, reason);
			return null;
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

	/** What a batch produces, and the status calls it is waiting for. */
	private static final class Batch {

		private final List<ProducerRecord<String, Object>> out = new ArrayList<>();

		private final List<PendingPoll> checked = new ArrayList<>();

		private final List<ConsumerRecord<String, byte[]>> checkedRecords = new ArrayList<>();

		private final List<CompletableFuture<StatusCalls.StatusAnswer>> answers = new ArrayList<>();

		private final Map<String, Integer> deferred = new HashMap<>();

	}

}
