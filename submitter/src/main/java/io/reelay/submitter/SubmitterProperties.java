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
 */
@ConfigurationProperties("reelay.submitter")
public record SubmitterProperties(@DefaultValue("fail") UnknownOutcome onUnknownOutcome,
		@DefaultValue("30s") Duration shutdownTimeout) {

	public enum UnknownOutcome {

		FAIL, RESUBMIT

	}

}
