package io.reelay.poller;

import java.time.Clock;
import java.time.Instant;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.provider.ProviderException;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.registry.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * One status check of one job, and what follows from it: the job completed, failed, timed
 * out, or gets another check later. A status call that fails in a way that may pass is
 * just another reason to check again, until the deadline.
 */
@Service
class StatusCheck {

	private static final Logger log = LoggerFactory.getLogger(StatusCheck.class);

	private final ProviderRegistry providers;

	private final EventPublisher events;

	private final PollScheduler scheduler;

	private final Clock clock;

	StatusCheck(ProviderRegistry providers, EventPublisher events, PollScheduler scheduler, Clock clock) {
		this.providers = providers;
		this.events = events;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	void check(VideoSubmitted job, int attempt) {
		FailureContext context = FailureContext.of(job);
		TaskStatus status;
		try {
			status = this.providers.require(job.provider()).status(job.providerTaskId());
		}
		catch (ProviderException ex) {
			if (!ex.retryable()) {
				log.info("request {}: {} gave up on task {}: {}", job.requestId(), job.provider(), job.providerTaskId(),
						ex.getMessage());
				this.events.publish(context.failed(Stage.POLLER, ex, this.clock.instant()));
				return;
			}
			log.debug("request {}: status check {} failed, will check again: {}", job.requestId(), attempt,
					ex.getMessage());
			status = new TaskStatus.Running("unknown (" + ex.code() + ")", null);
		}
		Instant now = this.clock.instant();
		if (status instanceof TaskStatus.Succeeded succeeded) {
			log.info("request {}: {} finished task {}", job.requestId(), job.provider(), job.providerTaskId());
			this.events.publish(new VideoCompleted(PipelineEvent.CURRENT_SCHEMA_VERSION, job.requestId(),
					job.provider(), job.model(), job.providerTaskId(), succeeded.download(), succeeded.usage(),
					job.requestedAt(), job.submittedAt(), now, job.metadata()));
		}
		else if (status instanceof TaskStatus.Failed failed) {
			log.info("request {}: {} failed task {}: {}", job.requestId(), job.provider(), job.providerTaskId(),
					failed.message());
			this.events.publish(context.failed(Stage.POLLER, failed.code(), failed.message(), failed.providerError(),
					failed.usage(), now));
		}
		else if (job.deadline() != null && !now.isBefore(job.deadline())) {
			this.events.publish(context.failed(Stage.POLLER, FailureCode.TIMEOUT,
					job.provider() + " had not finished task " + job.providerTaskId() + " by the deadline "
							+ job.deadline() + " (last status: " + status.providerStatus() + ", " + attempt
							+ " checks); the provider may still finish it under that task id",
					null, now));
		}
		else {
			this.scheduler.schedule(job, attempt + 1);
		}
	}

}
