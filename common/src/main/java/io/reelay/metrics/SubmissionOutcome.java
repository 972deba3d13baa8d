package io.reelay.metrics;

import java.util.Locale;

/** How a create call ended: the {@code outcome} tag of submissions. */
public enum SubmissionOutcome {

	/** The provider created the job. */
	ACCEPTED,

	/** The provider answered with a refusal. */
	REFUSED,

	/** Reelay cannot tell whether the provider created a job. */
	UNKNOWN;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
