package io.reelay.submitter;

import io.reelay.event.Stage;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Turns {@code video.requests} into provider jobs ({@code video.submitted}) or failures.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import({ KafkaConfiguration.class, ProviderConfiguration.class })
public class SubmitterApplication {

	@Bean
	Stage stage() {
		return Stage.SUBMITTER;
	}

	public static void main(String[] args) {
		SpringApplication.run(SubmitterApplication.class, args);
	}

}
