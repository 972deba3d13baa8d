package io.reelay.submitter;

import io.reelay.event.Stage;
import io.reelay.health.HealthConfiguration;
import io.reelay.health.StorageHealthConfiguration;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.media.MediaAccess;
import io.reelay.media.MediaProperties;
import io.reelay.media.StoreMediaAccess;
import io.reelay.metrics.MetricsConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Turns {@code video.requests} into provider jobs ({@code video.submitted}) or failures.
 * It reads Reelay's bucket for images sent as {@code s3://} claim checks.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import({ KafkaConfiguration.class, ProviderConfiguration.class, StorageConfiguration.class, MetricsConfiguration.class,
		HealthConfiguration.class, StorageHealthConfiguration.class })
// its defaults (HTTP, actuator, health groups): not in application.properties, which the
// local stack's three services would share on one class path
@PropertySource({ "classpath:reelay-service.properties", "classpath:reelay-submitter.properties" })
@EnableConfigurationProperties({ MediaProperties.class, SubmitterProperties.class })
public class SubmitterApplication {

	@Bean
	MediaAccess mediaAccess(ObjectStore store, MediaProperties properties) {
		return new StoreMediaAccess(store, properties);
	}

	@Bean
	Stage stage() {
		return Stage.SUBMITTER;
	}

	public static void main(String[] args) {
		SpringApplication.run(SubmitterApplication.class, args);
	}

}
