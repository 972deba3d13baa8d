package io.reelay.poller;

import io.reelay.event.Stage;
import io.reelay.health.HealthConfiguration;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.metrics.MetricsConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Follows submitted jobs until their provider finishes them ({@code video.completed}) or
 * fails them.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Import({ KafkaConfiguration.class, ProviderConfiguration.class, MetricsConfiguration.class,
		HealthConfiguration.class })
// its defaults (HTTP, actuator, health groups): not in application.properties, which the
// local stack's three services would share on one class path
@PropertySource({ "classpath:reelay-service.properties", "classpath:reelay-poller.properties" })
public class PollerApplication {

	@Bean
	Stage stage() {
		return Stage.POLLER;
	}

	public static void main(String[] args) {
		SpringApplication.run(PollerApplication.class, args);
	}

}
