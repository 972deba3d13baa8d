package io.reelay.event;

/** The Reelay service that produced an event or found a failure. */
public enum Stage {

	SUBMITTER, POLLER, DOWNLOADER;

	/**
	 * CloudEvents source of the events this stage publishes, e.g.
	 * {@code /reelay/submitter}.
	 */
	public String cloudEventSource() {
		return "/reelay/" + name().toLowerCase(java.util.Locale.ROOT);
	}

}
