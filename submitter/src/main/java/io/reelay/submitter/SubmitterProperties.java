package io.reelay.submitter;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the submitter treats what it cannot be sure of.
 *
 * @param onUnknownOutcome what to do with a request whose create call may or may not have
 * created a job (Reelay stopped during the call, or the provider's answer was lost), when
 * the provider's list API cannot tell: {@code fail} it with
 * {@code SUBMISSION_OUTCOME_UNKNOWN} (never pay twice), or {@code resubmit} it (never
 * lose a request, at the risk of paying twice)
 * @param shutdownTimeout how long a stopping submitter waits for the request in hand
 * @param concurrency consumer threads in one instance, each with its own partitions of
 * {@code video.requests}: a request waiting to be tried again (a busy provider, a create
 * call whose outcome is being checked) holds up only its own thread's partitions
 */
@ConfigurationProperties("reelay.submitter")
public record SubmitterProperties(@DefaultValue("fail") UnknownOutcome onUnknownOutcome,
		@DefaultValue("30s") Duration shutdownTimeout, @DefaultValue("3") int concurrency) {

	public SubmitterProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("reelay.submitter.concurrency must be at least 1, got " + concurrency);
		}
	}

	public enum UnknownOutcome {

		FAIL, RESUBMIT

	}

}
