package io.reelay.submitter;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.PipelineEvent;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.EventPublisher;
import io.reelay.media.MediaAccess;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.registry.ProviderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Checks a request, then creates its provider job. Nothing is sent to a provider before
 * the request passed every check, so a bad request costs nothing.
 */
@Service
class Submission {

	private static final Logger log = LoggerFactory.getLogger(Submission.class);

	private final ProviderRegistry providers;

	private final EventPublisher events;

	private final MediaChecks mediaChecks;

	private final MediaAccess media;

	private final Clock clock;

	Submission(ProviderRegistry providers, EventPublisher events, MediaChecks mediaChecks, MediaAccess media,
			Clock clock) {
		this.providers = providers;
		this.events = events;
		this.mediaChecks = mediaChecks;
		this.media = media;
		this.clock = clock;
	}

	void submit(VideoRequested request) {
		Instant now = this.clock.instant();
		FailureContext context = FailureContext.of(request);
		List<String> problems = new ArrayList<>(RequestChecks.problems(request, now));
		problems.addAll(this.mediaChecks.problems(request));
		VideoProvider provider = this.providers.find(request.provider()).orElse(null);
		problems.addAll((provider != null) ? provider.problems(request)
				: List.of(this.providers.whyMissing(request.provider())));
		if (!problems.isEmpty()) {
			log.info("request {} is invalid: {}", request.requestId(), problems);
			this.events.publish(context.failed(Stage.SUBMITTER, FailureCode.INVALID_REQUEST,
					"the request is invalid: " + String.join("; ", problems), null, now));
			return;
		}
		SubmittedTask task;
		try {
			task = provider.submit(request, this.media);
		}
		catch (ReelayException ex) {
			if (ex.retryable()) {
				// surely not created (busy, unreachable, bucket down): the error
				// handler sends it again later
				throw ex;
			}
			log.info("request {} refused by {}: {}", request.requestId(), provider.name(), ex.getMessage());
			this.events.publish(context.failed(Stage.SUBMITTER, ex, this.clock.instant()));
			return;
		}
		Instant deadline = (request.deadline() != null) ? request.deadline()
				: request.requestedAt().plus(this.providers.defaultDeadline(provider.name()));
		log.info("request {} submitted to {} as {}", request.requestId(), provider.name(), task.providerTaskId());
		this.events.publish(new VideoSubmitted(PipelineEvent.CURRENT_SCHEMA_VERSION, request.requestId(),
				provider.name(), request.model(), task.providerTaskId(), task.providerStatus(), request.requestedAt(),
				this.clock.instant(), deadline, request.metadata()));
	}

}
