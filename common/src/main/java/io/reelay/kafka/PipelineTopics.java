package io.reelay.kafka;

import java.util.ArrayList;
import java.util.List;

import io.reelay.event.EventType;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics Reelay declares: one per event type, and a dead-letter topic per consumed
 * topic.
 */
public final class PipelineTopics {

	private PipelineTopics() {
	}

	public static List<NewTopic> all(ReelayKafkaProperties kafka) {
		List<NewTopic> topics = new ArrayList<>();
		for (EventType type : EventType.values()) {
			topics.add(topic(type.topic(), kafka));
			if (consumed(type)) {
				topics.add(topic(type.deadLetterTopic(), kafka));
			}
		}
		return topics;
	}

	/**
	 * A topic with Reelay's partition count and replication, co-partitioned with the
	 * others.
	 */
	public static NewTopic topic(String name, ReelayKafkaProperties kafka) {
		return TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build();
	}

	/** Terminal events are for Reelay's users; the stages consume the others. */
	private static boolean consumed(EventType type) {
		return type != EventType.STORED && type != EventType.FAILED;
	}

}
