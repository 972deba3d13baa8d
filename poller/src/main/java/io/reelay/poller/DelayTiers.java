package io.reelay.poller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The poll-delay topics, one per fixed delay. Every record in a topic waits the same
 * time, so a partition's records fall due in the order they were written: a consumer
 * pauses a partition until its first record is due, and no record waits behind a later
 * one. A longer wait hops through several topics, longest delay first.
 */
final class DelayTiers {

	static final String TOPIC_PREFIX = "video.poll-delay-";

	private final List<Duration> delays;

	private final Map<String, Duration> byTopic = new LinkedHashMap<>();

	DelayTiers(List<Duration> delays) {
		List<Duration> sorted = new ArrayList<>(delays);
		sorted.sort(Comparator.reverseOrder());
		for (Duration delay : sorted) {
			if (delay.isNegative() || delay.isZero()) {
				throw new IllegalArgumentException("reelay.poller.delay-tiers must be positive, got " + delay);
			}
			this.byTopic.put(topicOf(delay), delay);
		}
		this.delays = List.copyOf(sorted);
	}

	/** {@code video.poll-delay-250ms}, {@code video.poll-delay-30s}, ... */
	static String topicOf(Duration delay) {
		long millis = delay.toMillis();
		if (millis % 60_000 == 0) {
			return TOPIC_PREFIX + (millis / 60_000) + "m";
		}
		return (millis % 1000 == 0) ? TOPIC_PREFIX + (millis / 1000) + "s" : TOPIC_PREFIX + millis + "ms";
	}

	List<String> topics() {
		return List.copyOf(this.byTopic.keySet());
	}

	boolean isTier(String topic) {
		return this.byTopic.containsKey(topic);
	}

	Duration delayOf(String topic) {
		Duration delay = this.byTopic.get(topic);
		if (delay == null) {
			throw new IllegalArgumentException(topic + " is not a poll-delay topic");
		}
		return delay;
	}

	/**
	 * The topic for the next hop of a wait: the longest delay that fits in it, or the
	 * shortest when none does. A record in the shortest tier with less than its delay
	 * left waits only what is left, so the last hop lands on time.
	 */
	String topicFor(Duration remaining) {
		for (Duration delay : this.delays) {
			if (delay.compareTo(remaining) <= 0) {
				return topicOf(delay);
			}
		}
		return topicOf(this.delays.get(this.delays.size() - 1));
	}

}
