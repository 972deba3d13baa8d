package io.reelay.poller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.kafka.WorkTiming;
import io.reelay.metrics.StageMetrics;
import io.reelay.tracing.ContextScope;
import io.reelay.tracing.RecordTracing;
import io.reelay.tracing.RecordWork;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a batch of due records into what the poller publishes next: a new job's first
 * pending poll, a wait's next hop, a check deferred by its provider's gate, or the
 * outcome of a status call. The batch's status calls all run at once, each in its
 * provider's pool. A record of a request the poller already ended, or of a request an
 * earlier record of the same batch takes care of, leads to nothing.
 */
@Component
class PollHandler {

	private static final Logger log = LoggerFactory.getLogger(PollHandler.class);

	private static final Duration ON_TIME = Duration.ofMillis(20);

	private final DelayTiers tiers;

	private final PollPlanner planner;

	private final StatusCalls calls;

	private final StatusCheck statusCheck;

	private final EventPublisher events;

	private final RequestEndings endings;

	private final FollowedJobs followed;

	private final StageMetrics metrics;

	private final RecordTracing tracing;

	private final Clock clock;

	PollHandler(DelayTiers tiers, PollPlanner planner, StatusCalls calls, StatusCheck statusCheck,
			EventPublisher events, RequestEndings endings, FollowedJobs followed, StageMetrics metrics,
			RecordTracing tracing, Clock clock) {
		this.tiers = tiers;
		this.planner = planner;
		this.calls = calls;
		this.statusCheck = statusCheck;
		this.events = events;
		this.endings = endings;
		this.followed = followed;
		this.metrics = metrics;
		this.tracing = tracing;
		this.clock = clock;
	}

	/**
	 * When a record on a poll-delay topic is to be handled: at once when its request
	 * already ended, as it then leads to nothing.
	 */
	Instant handleAt(ConsumerRecord<String, byte[]> record) {
		if (this.endings.ended(record)) {
			return Instant.MIN;
		}
		Instant byTier = Instant.ofEpochMilli(record.timestamp()).plus(this.tiers.delayOf(record.topic()));
		Instant due = PendingPoll.dueOf(record.headers());
		return (due != null && due.isBefore(byTier)) ? due : byTier;
	}

	/**
	 * What the batch leads to, to send in one transaction with its offsets.
	 * @throws IllegalStateException when interrupted while waiting for status answers:
	 * the batch is then handed back unhandled
	 */
	BatchOutput handle(List<ConsumerRecord<String, byte[]>> records) {
		Instant now = this.clock.instant();
		Batch batch = new Batch();
		int dropped = 0;
		for (ConsumerRecord<String, byte[]> record : records) {
			String requestId = RequestEndings.requestIdOf(record);
			// each record is observed until what it leads to is decided: what the
			// poller publishes for it continues its trace
			RecordWork work = this.tracing.receive(record, PollLoops.GROUP, requestId);
			int checks = batch.checked.size();
			try (ContextScope scope = work.open()) {
				if (requestId != null && (!batch.requests.add(requestId) || this.endings.ended(requestId))) {
					log.debug("request {}: {} record {}@{} dropped: the request ended, or another record of the batch"
							+ " follows it on", requestId, record.topic(), record.offset(), record.partition());
					dropped++;
					continue;
				}
				try {
					route(record, now, batch);
				}
				catch (RuntimeException ex) {
					if (ex instanceof UnusableRecordException && !this.tiers.isTier(record.topic())) {
						batch.out.tookUp(null);
					}
					// a fault with one record must not hold up its partition: it is
					// dead-lettered and its request failed, and the batch goes on
					this.endings.fail(record, ex, WorkTiming.startedAt(now), batch.out);
				}
			}
			finally {
				// a record waiting for its status answer stays observed until the
				// answer is handled
				if (batch.checked.size() > checks) {
					batch.works.add(work);
				}
				else {
					work.close();
				}
			}
		}
		if (dropped > 0) {
			log.info("{} records of requests that ended or are followed on in the same batch led to nothing", dropped);
		}
		try {
			for (int i = 0; i < batch.checked.size(); i++) {
				RecordWork work = batch.works.get(i);
				try (ContextScope scope = work.open()) {
					StatusCalls.StatusAnswer answer = answer(batch.answers.get(i));
					Instant answeredAt = this.clock.instant();
					WorkTiming timing = new WorkTiming(checkStartedAt(batch.checked.get(i), now), answer.callTime());
					try {
						StatusCheck.Outcome outcome = this.statusCheck.decide(batch.checked.get(i), answer, answeredAt);
						if (outcome.terminal() != null) {
							this.endings.end(outcome.terminal(), timing, batch.out);
						}
						else {
							batch.out.add(pending(outcome.next(), answeredAt));
						}
					}
					catch (RuntimeException ex) {
						this.endings.fail(batch.checkedRecords.get(i), ex, timing, batch.out);
					}
				}
				finally {
					work.close();
				}
			}
		}
		finally {
			// a batch handed back unhandled (interrupted) ends its records'
			// observations too
			batch.works.forEach(RecordWork::close);
		}
		return batch.out;
	}

	/**
	 * Counts what a batch led to, once its transaction committed: a batch handled again
	 * counts once.
	 */
	void committed(BatchOutput out) {
		out.tookUp().forEach(this.metrics::tookUp);
		this.metrics.published(out.records());
	}

	/** A status answer; the futures never fail, but a stopping poller may interrupt. */
	private static StatusCalls.StatusAnswer answer(CompletableFuture<StatusCalls.StatusAnswer> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for status answers: batch handed back", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a status call failed in Reelay", ex.getCause());
		}
	}

	/**
	 * What one record leads to: a first pending poll, the next hop, a deferral, or a
	 * status call.
	 */
	private void route(ConsumerRecord<String, byte[]> record, Instant now, Batch batch) {
		VideoSubmitted job = JobRecords.read(record);
		this.followed.following(job);
		if (!this.tiers.isTier(record.topic())) {
			batch.out.tookUp(job.provider());
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
	 * When a check began, for the timing of what it ends: when it was due, if the batch
	 * took it late (its lateness is the poller's overhead too), else when the batch took
	 * it.
	 */
	private static Instant checkStartedAt(PendingPoll poll, Instant now) {
		return poll.due().isBefore(now) ? poll.due() : now;
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

	/** What a batch produces, and the status calls it is waiting for. */
	private static final class Batch {

		private final BatchOutput out = new BatchOutput();

		private final Set<String> requests = new HashSet<>();

		private final List<PendingPoll> checked = new ArrayList<>();

		private final List<ConsumerRecord<String, byte[]>> checkedRecords = new ArrayList<>();

		private final List<CompletableFuture<StatusCalls.StatusAnswer>> answers = new ArrayList<>();

		/** The observed work of each checked record, in the same order. */
		private final List<RecordWork> works = new ArrayList<>();

		private final Map<String, Integer> deferred = new HashMap<>();

	}

}
