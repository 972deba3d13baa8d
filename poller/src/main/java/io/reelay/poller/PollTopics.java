package io.reelay.poller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.reelay.kafka.PipelineTopics;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.ledger.RequestLedger;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The poller's own topics: one poll-delay topic per delay tier (with its dead-letter
 * topic), {@value #LEARNED}, where instances share what they learned of completion times,
 * and {@value #LEDGER}, the requests the poller ended. Pending polls live in Kafka, not
 * in memory, so a poller that dies loses none of them.
 */
@Configuration(proxyBeanMethods = false)
class PollTopics {

	/**
	 * Compacted: one record per provider and model, the latest view of its completion
	 * times.
	 */
	static final String LEARNED = "video.poll-schedule";

	/**
	 * Compacted: one record per request the poller ended (completed or failed), written
	 * in the transaction that published its terminal event; co-partitioned with
	 * {@code video.submitted} and the poll-delay topics.
	 */
	static final String LEDGER = "video.ledger.poller";

	@Bean
	DelayTiers delayTiers(PollerProperties poller) {
		return new DelayTiers(poller.delayTiers());
	}

	@Bean
	KafkaAdmin.NewTopics pollerTopics(DelayTiers tiers, ReelayKafkaProperties kafka) {
		List<NewTopic> topics = new ArrayList<>();
		for (String topic : tiers.topics()) {
			topics.add(PipelineTopics.topic(topic, kafka));
			topics.add(PipelineTopics.topic(topic + "-dlt", kafka));
		}
		topics.add(TopicBuilder.name(LEARNED).partitions(1).replicas(kafka.replicationFactor()).compact().build());
		topics.add(RequestLedger.topic(LEDGER, kafka));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}

	/** One ledger per instance, shared by its poll loops. */
	@Bean
	RequestLedger pollerLedger(ConsumerFactory<String, byte[]> consumerFactory, ReelayKafkaProperties kafka,
			Clock clock) {
		return new RequestLedger(LEDGER, consumerFactory, kafka.dedupWindow(), clock);
	}

}
