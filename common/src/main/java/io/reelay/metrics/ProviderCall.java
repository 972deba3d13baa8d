package io.reelay.metrics;

import java.util.Locale;

/** What a stage called a provider for: the {@code call} tag of provider calls. */
public enum ProviderCall {

	/** Creating a job. */
	SUBMIT,

	/** Asking how a job is doing. */
	STATUS,

	/** Fetching a finished video. */
	DOWNLOAD,

	/** Anything else, e.g. listing the account's jobs. */
	OTHER;

	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
