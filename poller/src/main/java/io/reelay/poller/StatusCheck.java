package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoSubmitted;
import io.reelay.provider.ProviderException;
import io.reelay.provider.TaskStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What follows from one status answer: the job completed, failed or timed out (a terminal
 * event), or it gets another check later. A call that failed in a way that may pass is
 * just a reason to check again, until the deadline.
 */
@Component
class StatusCheck {

	private static final Logger log = LoggerFactory.getLogger(StatusCheck.class);

	private final PollPlanner planner;

	private final LearnedSchedules learned;

	private final StatusCalls calls;

	StatusCheck(PollPlanner planner, LearnedSchedules learned, StatusCalls calls) {
		this.planner = planner;
		this.learned = learned;
		this.calls = calls;
	}

	Outcome decide(PendingPoll poll, StatusCalls.StatusAnswer answer, Instant now) {
		VideoSubmitted job = poll.job();
		ProviderGate gate = this.calls.gateOf(job.provider());
		if (answer.failure() != null) {
			return afterFailedCall(poll, answer.failure(), gate, now);
		}
		gate.answered();
		TaskStatus status = answer.status();
		if (status instanceof TaskStatus.Succeeded succeeded) {
			log.info("request {}: {} finished task {} after {} checks", job.requestId(), job.provider(),
					job.providerTaskId(), poll.checksDone() + 1);
			Duration notDoneAt = (poll.checksDone() == 0) ? Duration.ZERO : PollPlanner.elapsed(job, poll.plannedAt());
			this.learned.completed(job.provider(), job.model(), notDoneAt, PollPlanner.elapsed(job, now));
			return Outcome.ended(new VideoCompleted(PipelineEvent.CURRENT_SCHEMA_VERSION, job.requestId(),
					job.provider(), job.model(), job.providerTaskId(), succeeded.download(), succeeded.usage(),
					job.requestedAt(), job.submittedAt(), now, job.metadata()));
		}
		if (status instanceof TaskStatus.Failed failed) {
			log.info("request {}: {} failed task {}: {}", job.requestId(), job.provider(), job.providerTaskId(),
					failed.message());
			return Outcome.ended(FailureContext.of(job)
				.failed(Stage.POLLER, failed.code(), failed.message(), failed.providerError(), failed.usage(), now));
		}
		TaskStatus.Running running = (TaskStatus.Running) status;
		if (pastDeadline(job, now)) {
			return timedOut(poll, running.providerStatus(), now);
		}
		return Outcome.again(this.planner.afterRunning(poll, running.providerStatus(), running.progressPercent(),
				running.pollAfter(), now));
	}

	private Outcome afterFailedCall(PendingPoll poll, ProviderException failure, ProviderGate gate, Instant now) {
		VideoSubmitted job = poll.job();
		Duration atLeast = failure.retryAfter();
		if (failure.code() == FailureCode.RATE_LIMITED) {
			Duration coolDown = gate.rateLimited(now, failure.retryAfter());
			log.info("{} answered 429 to a status call: no status calls to it for {}", job.provider(), coolDown);
			atLeast = coolDown;
		}
		if (!failure.retryable()) {
			log.info("request {}: {} gave up on task {}: {}", job.requestId(), job.provider(), job.providerTaskId(),
					failure.getMessage());
			return Outcome.ended(FailureContext.of(job).failed(Stage.POLLER, failure, now));
		}
		String what = "unknown (" + failure.code() + ": " + failure.getMessage() + ")";
		if (pastDeadline(job, now)) {
			return timedOut(poll, what, now);
		}
		log.debug("request {}: status check {} failed, will check again: {}", job.requestId(), poll.checksDone() + 1,
				failure.getMessage());
		return Outcome.again(this.planner.afterError(poll, what, atLeast, now));
	}

	private boolean pastDeadline(VideoSubmitted job, Instant now) {
		return !now.isBefore(this.planner.deadlineOf(job));
	}

	private Outcome timedOut(PendingPoll poll, String lastStatus, Instant now) {
		VideoSubmitted job = poll.job();
		log.info("request {}: {} task {} passed its deadline", job.requestId(), job.provider(), job.providerTaskId());
		return Outcome.ended(FailureContext.of(job)
			.failed(Stage.POLLER, FailureCode.TIMEOUT,
					job.provider() + " had not finished task " + job.providerTaskId() + " by the deadline "
							+ this.planner.deadlineOf(job) + " (last status: " + lastStatus + ", "
							+ (poll.checksDone() + 1) + " checks); the provider may still finish it under that task id",
					null, now));
	}

	/** A terminal event, or the job's next pending poll. */
	record Outcome(PipelineEvent terminal, PendingPoll next) {

		static Outcome ended(PipelineEvent terminal) {
			return new Outcome(terminal, null);
		}

		static Outcome again(PendingPoll next) {
			return new Outcome(null, next);
		}

	}

}
