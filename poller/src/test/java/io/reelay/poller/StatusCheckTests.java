package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoSubmitted;
import io.reelay.provider.ProviderException;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusCheckTests {

	private final PollerProperties properties = TestSettings.poller();

	private final LearnedSchedules learned = new LearnedSchedules(this.properties);

	private final ProviderRegistry registry = new ProviderRegistry(List.of(), Set.of("generic"));

	private final StatusCalls calls = new StatusCalls(this.registry, this.properties);

	private final StatusCheck check = new StatusCheck(new PollPlanner(this.learned, this.registry, this.properties),
			this.learned, this.calls);

	private final VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", Instant.now().plusSeconds(600));

	private final Instant now = this.job.submittedAt().plusSeconds(30);

	private final PendingPoll poll = new PendingPoll(this.job, 2, this.now, this.job.submittedAt().plusSeconds(20), 40,
			20, 0, "processing");

	@Test
	void checksAgainWhenTheProviderAnswersAStatusItDoesNotKnow() {
		StatusCheck.Outcome outcome = this.check.decide(this.poll, answer(new TaskStatus.Running("rendering_v2", null)),
				this.now);

		assertThat(outcome.terminal()).isNull();
		assertThat(outcome.next().checksDone()).isEqualTo(3);
		assertThat(outcome.next().lastStatus()).isEqualTo("rendering_v2");
	}

	@Test
	void checksAgainAfterAnAnswerThatCannotBeReadCountingTheFailure() {
		StatusCheck.Outcome outcome = this.check.decide(this.poll,
				failure(new ProviderException(FailureCode.PROVIDER_UNAVAILABLE,
						"generic sent an answer Reelay cannot" + " read: <html>")),
				this.now);

		assertThat(outcome.next().errors()).isEqualTo(1);
		assertThat(outcome.next().lastStatus()).contains("PROVIDER_UNAVAILABLE", "<html>");
		assertThat(outcome.next().progress()).isEqualTo(40);
	}

	@Test
	void coolsTheProviderDownAfterA429AndChecksNoSoonerThanItAsked() {
		StatusCheck.Outcome outcome = this.check.decide(this.poll, failure(
				new ProviderException(FailureCode.RATE_LIMITED, "slow down", null, Duration.ofSeconds(20), null)),
				this.now);

		assertThat(Duration.between(this.now, outcome.next().due())).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
		assertThat(this.calls.gateOf("generic").admit(this.now, 0)).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void failsAtOnceWhenTheProviderNoLongerKnowsTheTask() {
		StatusCheck.Outcome outcome = this.check.decide(this.poll,
				failure(new ProviderException(FailureCode.NOT_FOUND, "generic does not know task video_1")), this.now);

		VideoFailed failed = (VideoFailed) outcome.terminal();
		assertThat(failed.code()).isEqualTo(FailureCode.NOT_FOUND);
		assertThat(failed.providerTaskId()).isEqualTo("video_1");
	}

	@Test
	void timesOutAtTheDeadlineEvenWhenTheLastCallFailed() {
		Instant deadline = this.job.deadline();

		StatusCheck.Outcome outcome = this.check.decide(this.poll,
				failure(new ProviderException(FailureCode.PROVIDER_UNAVAILABLE, "HTTP 503")), deadline);

		VideoFailed failed = (VideoFailed) outcome.terminal();
		assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
		assertThat(failed.message()).contains("video_1", "HTTP 503", "3 checks");
	}

	@Test
	void learnsFromEveryJobItSeesFinish() {
		this.check.decide(this.poll, answer(new TaskStatus.Succeeded("completed", null, null)), this.now);

		assertThat(this.learned.samples("generic", "sim-video-1")).isPositive();
	}

	private static StatusCalls.StatusAnswer answer(TaskStatus status) {
		return new StatusCalls.StatusAnswer(status, null, Duration.ofMillis(3));
	}

	private static StatusCalls.StatusAnswer failure(ProviderException failure) {
		return new StatusCalls.StatusAnswer(null, failure, Duration.ofMillis(3));
	}

}
