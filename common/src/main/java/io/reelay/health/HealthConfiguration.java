package io.reelay.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.reelay.event.Stage;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.metrics.ReelayMeters;
import org.apache.kafka.clients.CommonClientConfigs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code kafka} health indicator, which every service's readiness includes: a service
 * that cannot reach its broker takes no traffic, but is not restarted for it (liveness
 * does not include it). Services that use the bucket add
 * {@link StorageHealthConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReelayKafkaProperties.class)
public class HealthConfiguration {

	/**
	 * How long each check may take; the readiness probe runs both the Kafka and the S3
	 * check, so its timeout must be over twice this (docs/metrics.md).
	 */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(ReelayKafkaProperties kafka, Stage stage) {
		Map<String, Object> client = new HashMap<>(kafka.client());
		client.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		return new KafkaHealthIndicator(client, "reelay-" + ReelayMeters.stage(stage) + "-health", TIMEOUT);
	}

}
