package io.reelay.event;

/**
 * The public event types: which topic carries each, and the CloudEvents {@code type}
 * attribute it is published with.
 */
public enum EventType {

	REQUESTED("video.requests", VideoRequested.class),

	SUBMITTED("video.submitted", VideoSubmitted.class),

	COMPLETED("video.completed", VideoCompleted.class),

	STORED("video.stored", VideoStored.class),

	FAILED("video.failed", VideoFailed.class);

	private final String topic;

	private final Class<? extends PipelineEvent> eventClass;

	EventType(String topic, Class<? extends PipelineEvent> eventClass) {
		this.topic = topic;
		this.eventClass = eventClass;
	}

	public String topic() {
		return this.topic;
	}

	public Class<? extends PipelineEvent> eventClass() {
		return this.eventClass;
	}

	/** CloudEvents type, e.g. {@code io.reelay.video.submitted}. */
	public String cloudEventType() {
		return "io.reelay.video." + name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * Where records that a stage could not process go, e.g. {@code video.requests-dlt}.
	 */
	public String deadLetterTopic() {
		return this.topic + "-dlt";
	}

}
