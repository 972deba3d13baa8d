package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.reelay.event.VideoSubmitted;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollPlannerTests {

	private final PollerProperties properties = TestSettings.poller();

	private final PollPlanner planner = new PollPlanner(new LearnedSchedules(this.properties),
			new ProviderRegistry(List.of(), Set.of("generic")), this.properties);

	@Test
	void plansTheFirstCheckAfterTheDefaultFirstWait() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);
		Instant now = job.submittedAt();

		PendingPoll first = this.planner.first(job, now);

		assertThat(Duration.between(now, first.due())).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));
		assertThat(first.checksDone()).isZero();
		assertThat(first.plannedAt()).isEqualTo(now);
	}

	@Test
	void neverPlansACheckPastTheDeadlineSoTheLastOneHappensAtIt() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", Instant.now().plusSeconds(3));

		PendingPoll first = this.planner.first(job, job.submittedAt());

		assertThat(first.due()).isEqualTo(job.deadline());
	}

	@Test
	void givesAJobWithoutADeadlineItsProvidersDefault() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);

		assertThat(this.planner.deadlineOf(job)).isEqualTo(job.submittedAt().plus(Duration.ofMinutes(30)));
	}

	@Test
	void keepsTheFurthestProgressWhenAProviderReportsLess() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);
		PendingPoll done = new PendingPoll(job, 2, Instant.now(), job.submittedAt(), 60, 40, 0, "processing");

		PendingPoll next = this.planner.afterRunning(done, "queued", 30, null, job.submittedAt().plusSeconds(20));

		assertThat(next.progress()).isEqualTo(60);
		assertThat(next.previousProgress()).isEqualTo(60);
		assertThat(next.checksDone()).isEqualTo(3);
		assertThat(next.lastStatus()).isEqualTo("queued");
	}

	@Test
	void plansTheNextCheckOfAProviderThatReportsNoProgress() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);
		PendingPoll done = new PendingPoll(job, 1, Instant.now(), job.submittedAt(), null, null, 0, "Queueing");
		Instant now = job.submittedAt().plusSeconds(12);

		PendingPoll next = this.planner.afterRunning(done, "Processing", null, null, now);

		assertThat(next.progress()).isNull();
		assertThat(next.checksDone()).isEqualTo(2);
		assertThat(next.due()).isAfter(now);
	}

	@Test
	void backsOffLongerWithEachFailedCallInARowAndTakesRetryAfterWhenLonger() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);
		Instant now = job.submittedAt().plusSeconds(10);
		PendingPoll done = new PendingPoll(job, 1, now, job.submittedAt(), null, null, 0, null);

		PendingPoll once = this.planner.afterError(done, "unknown (PROVIDER_UNAVAILABLE)", null, now);
		PendingPoll thrice = this.planner.afterError(this.planner.afterError(once, "x", null, now), "x", null, now);
		PendingPoll asked = this.planner.afterError(done, "x", Duration.ofSeconds(45), now);

		assertThat(once.errors()).isEqualTo(1);
		assertThat(thrice.errors()).isEqualTo(3);
		assertThat(Duration.between(now, thrice.due())).isGreaterThan(Duration.between(now, once.due()));
		assertThat(Duration.between(now, asked.due())).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void deferringACheckDoesNotCountItAsMade() {
		VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);
		Instant now = job.submittedAt().plusSeconds(10);
		PendingPoll waiting = new PendingPoll(job, 2, now, job.submittedAt(), 20, 10, 0, "processing");

		PendingPoll deferred = this.planner.deferred(waiting, Duration.ofMillis(700), now);

		assertThat(deferred.checksDone()).isEqualTo(2);
		assertThat(deferred.due()).isEqualTo(now.plusMillis(700));
		assertThat(deferred.progress()).isEqualTo(20);
	}

}
