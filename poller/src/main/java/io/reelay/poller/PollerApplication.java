package io.reelay.poller;

import io.reelay.event.Stage;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Follows submitted jobs until their provider finishes them ({@code video.completed}) or
 * fails them.
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Import({ KafkaConfiguration.class, ProviderConfiguration.class })
public class PollerApplication {

	@Bean
	Stage stage() {
		return Stage.POLLER;
	}

	public static void main(String[] args) {
		SpringApplication.run(PollerApplication.class, args);
	}

}
