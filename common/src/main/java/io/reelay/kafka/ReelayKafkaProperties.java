package io.reelay.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
 * @param instanceId names this instance's Kafka transactions: give a restarted instance
 * the id it had (e.g. a StatefulSet pod name) so that what its former self left open is
 * aborted at once, instead of holding up {@code read_committed} readers until the
 * transaction timeout; random by default
 * @param dedupWindow how long each stage's ledger remembers a request: a duplicate or a
 * replayed record of a request seen within it changes nothing, one seen later is handled
 * as new
 * @param staticMembership whether each consumer joins its group as a static member named
 * after {@code instanceId}: a restarted instance (e.g. a container restarted in its pod)
 * that comes back within the session timeout gets its partitions back without a
 * rebalance. Needs an {@code instanceId} of its own per instance; a consumer stopping
 * cleanly still leaves its group, so that scaling in moves its partitions at once
 */
@ConfigurationProperties("reelay.kafka")
public record ReelayKafkaProperties(@DefaultValue("localhost:9092") String bootstrapServers,
		@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor,
		@DefaultValue("1") int concurrency, @DefaultValue Retry retry, Map<String, String> client, String instanceId,
		@DefaultValue("24h") Duration dedupWindow, @DefaultValue("false") boolean staticMembership) {

	public ReelayKafkaProperties {
		client = (client != null) ? Map.copyOf(client) : Map.of();
		instanceId = (instanceId != null && !instanceId.isBlank()) ? instanceId : UUID.randomUUID().toString();
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
