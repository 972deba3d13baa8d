package io.reelay.downloader;

import io.reelay.event.Stage;
import io.reelay.health.HealthConfiguration;
import io.reelay.health.StorageHealthConfiguration;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.metrics.MetricsConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;
import io.reelay.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/**
 * Streams finished videos from their provider into Reelay's bucket
 * ({@code video.stored}).
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Import({ KafkaConfiguration.class, ProviderConfiguration.class, StorageConfiguration.class, MetricsConfiguration.class,
		HealthConfiguration.class, StorageHealthConfiguration.class })
// its defaults (HTTP, actuator, health groups): not in application.properties, which the
// local stack's three services would share on one class path
@PropertySource({ "classpath:reelay-service.properties", "classpath:reelay-downloader.properties" })
public class DownloaderApplication {

	@Bean
	Stage stage() {
		return Stage.DOWNLOADER;
	}

	public static void main(String[] args) {
		SpringApplication.run(DownloaderApplication.class, args);
	}

}
