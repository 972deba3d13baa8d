package io.reelay.submitter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import io.reelay.media.MediaAccess;
import io.reelay.metrics.StageMetrics;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.registry.ProviderRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one {@code video.requests} record into at most one create call and exactly one
 * outcome. The ledger says whether the request id was seen before: a request already
 * submitted gets its {@code video.submitted} again, one already failed gets nothing, one
 * whose call was started but never recorded is checked with the provider before anything
 * else. Nothing is sent to a provider before the request passed every check, so a bad
 * request costs nothing.
 */
class Submission {

	private static final Logger log = LoggerFactory.getLogger(Submission.class);

	private final ProviderRegistry providers;

	private final RequestChecker checks;

	private final MediaAccess media;

	private final RequestLedger ledger;

	private final CallIntents intents;

	private final UnknownOutcomes unknownOutcomes;

	private final SubmissionOutput output;

	private final EventPublisher events;

	private final FailedRecords failedRecords;

	private final SubmitterProperties settings;

	private final StageMetrics metrics;

	private final Clock clock;

	Submission(ProviderRegistry providers, RequestChecker checks, MediaAccess media, RequestLedger ledger,
			CallIntents intents, UnknownOutcomes unknownOutcomes, SubmissionOutput output, EventPublisher events,
			FailedRecords failedRecords, SubmitterProperties settings, StageMetrics metrics, Clock clock) {
		this.providers = providers;
		this.checks = checks;
		this.media = media;
		this.ledger = ledger;
		this.intents = intents;
		this.unknownOutcomes = unknownOutcomes;
		this.output = output;
		this.events = events;
		this.failedRecords = failedRecords;
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
	}

	void handle(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer) {
		// each attempt at the record (a retry handles it again) is timed from its own
		// start: the output's timing is that of the attempt that produced it
		Attempt attempt = new Attempt(this.clock.instant());
		VideoRequested request;
		try {
			request = RequestReader.read(record);
		}
		catch (UnusableRecordException ex) {
			this.output.tookUp(null);
			this.output.send(null, Outcome.timed(this.failedRecords.outcome(record, ex), null, attempt.timing()));
			return;
		}
		this.output.tookUp(request.provider());
		String id = request.requestId();
		Outcome decided = this.output.uncommitted(id).orElse(null);
		if (decided != null) {
			log.info("request {}: sending again what was decided before its transaction failed", id);
			this.output.send(id, decided);
			return;
		}
		LedgerEntry known = this.ledger.find(id).orElse(null);
		if (known != null && known.state() == RequestState.SUBMITTED) {
			log.info("request {} is a duplicate of one submitted as {} task {}: its video.submitted again, no new job",
					id, known.provider(), known.providerTaskId());
			this.output.send(null, Outcome.timed(List.of(this.events.recordOf(submitted(request, known, null))), null,
					attempt.timing()));
			return;
		}
		if (known != null && known.state() == RequestState.FAILED) {
			log.warn("request {} is a duplicate of one that already failed at {}: ignored (a new attempt needs a new "
					+ "request id)", id, known.recordedAt());
			return;
		}
		List<String> problems = this.checks.problems(request, this.clock.instant());
		if (!problems.isEmpty()) {
			log.info("request {} is invalid: {}", id, problems);
			ReelayException invalid = new ReelayException(FailureCode.INVALID_REQUEST,
					"the request is invalid: " + String.join("; ", problems));
			fail(record, request, invalid, null, attempt);
			return;
		}
		VideoProvider provider = this.providers.find(request.provider()).orElseThrow();
		if (known != null && !mayCallAgain(record, request, provider, known, attempt)) {
			return;
		}
		submit(record, consumer, request, provider, attempt);
	}

	/**
	 * A call was started for this request and its outcome never recorded: whether to call
	 * again, or (having failed the request) not.
	 */
	private boolean mayCallAgain(ConsumerRecord<String, byte[]> record, VideoRequested request, VideoProvider provider,
			LedgerEntry calling, Attempt attempt) {
		UnknownOutcomes.Verdict verdict = this.unknownOutcomes.check(provider, calling, this.clock.instant(), attempt);
		if (verdict.notCreated()) {
			log.info("request {}: the create call started at {} created nothing ({}); submitting it",
					request.requestId(), calling.callStartedAt(), verdict.why());
			return true;
		}
		if (this.settings.onUnknownOutcome() == SubmitterProperties.UnknownOutcome.RESUBMIT) {
			log.warn(
					"request {}: the create call started at {} may have created a job ({}); submitting it again as "
							+ "reelay.submitter.on-unknown-outcome=resubmit says",
					request.requestId(), calling.callStartedAt(), verdict.why());
			return true;
		}
		fail(record, request, new ReelayException(FailureCode.SUBMISSION_OUTCOME_UNKNOWN,
				"the create call to " + calling.provider() + " started at " + calling.callStartedAt()
						+ " may have created a job, so Reelay does not submit the request again: " + verdict.why(),
				verdict.providerError(), null, null), calling, attempt);
		return false;
	}

	private void submit(ConsumerRecord<String, byte[]> record, Consumer<?, ?> consumer, VideoRequested request,
			VideoProvider provider, Attempt attempt) {
		LedgerEntry calling = this.intents.begin(request, provider.name(), record, consumer);
		SubmittedTask task;
		AtomicInteger inFlight = this.metrics.jobsInFlight(provider.name());
		inFlight.incrementAndGet();
		try {
			// the call prepares the request's media too (reads or presigns objects in
			// Reelay's bucket, uploads them): counted as provider time, nothing for text
			task = attempt.callProvider(() -> provider.submit(request, this.media));
		}
		catch (ReelayException ex) {
			if (ex.code() == FailureCode.SUBMISSION_OUTCOME_UNKNOWN) {
				// the entry stays: the record comes again and is checked with the
				// provider
				this.unknownOutcomes.callEnded(calling, ex, this.clock.instant());
				throw new OutcomeNotYetKnown(ex.getMessage(),
						this.unknownOutcomes.waitBeforeChecking(provider, calling, this.clock.instant()), ex);
			}
			if (ex.retryable()) {
				// surely not created (busy, unreachable, bucket down): the record is
				// tried again later, as a new call
				this.intents.abandon(calling);
				throw ex;
			}
			log.info("request {} refused by {}: {}", request.requestId(), provider.name(), ex.getMessage());
			fail(record, request, ex, calling, attempt);
			return;
		}
		finally {
			inFlight.decrementAndGet();
		}
		Instant now = this.clock.instant();
		LedgerEntry submitted = calling.moveTo(RequestState.SUBMITTED, task.providerTaskId(), now);
		log.info("request {} submitted to {} as {}", request.requestId(), provider.name(), task.providerTaskId());
		VideoSubmitted event = submitted(request, submitted, task.providerStatus());
		this.output.send(request.requestId(),
				Outcome.timed(List.of(this.events.recordOf(event)), submitted, attempt.timing()));
	}

	/**
	 * Ends the request with its {@code video.failed}; an invalid one is dead-lettered
	 * too.
	 */
	private void fail(ConsumerRecord<String, byte[]> record, VideoRequested request, ReelayException failure,
			LedgerEntry calling, Attempt attempt) {
		Instant now = this.clock.instant();
		List<ProducerRecord<String, Object>> out = new ArrayList<>();
		if (failure.code() == FailureCode.INVALID_REQUEST) {
			out.addAll(this.failedRecords.outcome(record, failure));
		}
		else {
			VideoFailed failed = FailureContext.of(request).failed(Stage.SUBMITTER, failure, now);
			out.add(this.events.recordOf(failed));
		}
		LedgerEntry entry = (calling != null) ? calling.moveTo(RequestState.FAILED, null, now) : new LedgerEntry(
				request.requestId(), RequestState.FAILED, request.provider(), request.model(), null, null, now);
		this.output.send(request.requestId(), Outcome.timed(out, entry, attempt.timing()));
	}

	/**
	 * @param providerStatus what the provider called the job when it created it; a copy
	 * of the request, answered from the ledger, does not know
	 */
	private VideoSubmitted submitted(VideoRequested request, LedgerEntry entry, String providerStatus) {
		String name = entry.provider();
		Instant deadline = (request.deadline() != null) ? request.deadline()
				: request.requestedAt().plus(this.providers.defaultDeadline(name));
		return new VideoSubmitted(PipelineEvent.CURRENT_SCHEMA_VERSION, request.requestId(), name, request.model(),
				entry.providerTaskId(), providerStatus, request.requestedAt(), entry.recordedAt(), deadline,
				request.metadata());
	}

}
