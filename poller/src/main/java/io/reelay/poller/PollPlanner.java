package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

import io.reelay.event.VideoSubmitted;
import io.reelay.poller.schedule.JobProgress;
import io.reelay.poller.schedule.ScheduleSettings;
import io.reelay.provider.registry.ProviderRegistry;

import org.springframework.stereotype.Component;

/**
 * When a job's next check is due: the learned schedule's wait, pushed back by backoff
 * after failed calls, and never past the job's deadline, so the last check happens at the
 * deadline itself.
 */
@Component
class PollPlanner {

	private final LearnedSchedules learned;

	private final ProviderRegistry providers;

	private final ScheduleSettings settings;

	private final RandomGenerator random = RandomGenerator.getDefault();

	PollPlanner(LearnedSchedules learned, ProviderRegistry providers, PollerProperties properties) {
		this.learned = learned;
		this.providers = providers;
		this.settings = properties.schedule();
	}

	/** The job's deadline: its request's, else its provider's default from submission. */
	Instant deadlineOf(VideoSubmitted job) {
		if (job.deadline() != null) {
			return job.deadline();
		}
		return submittedAt(job).plus(this.providers.defaultDeadline(job.provider()));
	}

	/** The first check of a job that just arrived. */
	PendingPoll first(VideoSubmitted job, Instant now) {
		Duration wait = this.learned.nextWait(job.provider(), job.model(),
				new JobProgress(elapsed(job, now), 0, null, null, null), this.random);
		return new PendingPoll(job, 0, due(job, now, wait), now, null, null, 0, null);
	}

	/**
	 * The next check after one that found the job still running.
	 * @param progress what the provider reported now, or null
	 * @param hint the provider's own "ask again after", or null
	 */
	PendingPoll afterRunning(PendingPoll done, String providerStatus, Integer progress, Duration hint, Instant now) {
		// progress that goes backwards is noise: keep the furthest seen
		Integer furthest = furthest(progress, done.progress());
		int checks = done.checksDone() + 1;
		Duration wait = this.learned.nextWait(done.job().provider(), done.job().model(),
				new JobProgress(elapsed(done.job(), now), checks, furthest, done.progress(), hint), this.random);
		return new PendingPoll(done.job(), checks, due(done.job(), now, wait), now, furthest, done.progress(), 0,
				providerStatus);
	}

	/**
	 * The next check after a status call that failed in a way that may pass: backoff that
	 * doubles with each failure in a row, or the provider's Retry-After, whichever is
	 * longer.
	 */
	PendingPoll afterError(PendingPoll done, String what, Duration atLeast, Instant now) {
		int errors = done.errors() + 1;
		long backoff = Math.min(this.settings.maxGap().toMillis(),
				this.settings.minGap().toMillis() << Math.min(errors, 16));
		double jitter = 1 + this.settings.jitter() * (2 * this.random.nextDouble() - 1);
		Duration wait = Duration.ofMillis((long) (backoff * jitter));
		if (atLeast != null && atLeast.compareTo(wait) > 0) {
			wait = atLeast;
		}
		return new PendingPoll(done.job(), done.checksDone() + 1, due(done.job(), now, wait), now, done.progress(),
				done.previousProgress(), errors, what);
	}

	/** A check that could not go out yet (rate limit, cool-down): same check, later. */
	PendingPoll deferred(PendingPoll waiting, Duration wait, Instant now) {
		return new PendingPoll(waiting.job(), waiting.checksDone(), due(waiting.job(), now, wait), waiting.plannedAt(),
				waiting.progress(), waiting.previousProgress(), waiting.errors(), waiting.lastStatus());
	}

	private static Integer furthest(Integer now, Integer before) {
		if (now == null) {
			return before;
		}
		return (before == null || now > before) ? now : before;
	}

	private Instant due(VideoSubmitted job, Instant now, Duration wait) {
		Instant due = now.plus(wait);
		Instant deadline = deadlineOf(job);
		return due.isAfter(deadline) ? (now.isAfter(deadline) ? now : deadline) : due;
	}

	static Duration elapsed(VideoSubmitted job, Instant now) {
		Duration elapsed = Duration.between(submittedAt(job), now);
		return elapsed.isNegative() ? Duration.ZERO : elapsed;
	}

	private static Instant submittedAt(VideoSubmitted job) {
		if (job.submittedAt() != null) {
			return job.submittedAt();
		}
		return (job.requestedAt() != null) ? job.requestedAt() : Instant.EPOCH;
	}

}
