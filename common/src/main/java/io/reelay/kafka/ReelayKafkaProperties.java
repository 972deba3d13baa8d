package io.reelay.kafka;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every Reelay service talks to Kafka.
 *
 * @param bootstrapServers the brokers, e.g. {@code localhost:9092}
 * @param partitions partitions of each topic Reelay declares: the most instances a stage
 * can usefully scale out to
 * @param replicationFactor replicas of each declared topic
 * @param concurrency consumer threads per listener in one instance
 * @param retry how a stage retries a record whose failure may pass
 * @param client extra Kafka client settings for producers, consumers and the admin client
 * (security, SASL, ...)
 */
@ConfigurationProperties("reelay.kafka")
public record ReelayKafkaProperties(@DefaultValue("localhost:9092") String bootstrapServers,
		@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
		@DefaultValue("1") int concurrency, @DefaultValue Retry retry, Map<String, String> client) {

	public ReelayKafkaProperties {
		client = (client != null) ? Map.copyOf(client) : Map.of();
	}

	/**
	 * Retries of a record whose processing failed in a way that may pass (provider busy
	 * or down, bucket unreachable). The partition waits meanwhile; after the last retry
	 * the request fails.
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval,
			@DefaultValue("5") int maxRetries) {
	}

}
