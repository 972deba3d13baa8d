package io.reelay.downloader;

import io.reelay.event.Stage;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.provider.registry.ProviderConfiguration;
import io.reelay.storage.StorageConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Streams finished videos from their provider into Reelay's bucket
 * ({@code video.stored}).
 */
@SpringBootApplication(proxyBeanMethods = false)
@ConfigurationPropertiesScan
@Import({ KafkaConfiguration.class, ProviderConfiguration.class, StorageConfiguration.class })
public class DownloaderApplication {

	@Bean
	Stage stage() {
		return Stage.DOWNLOADER;
	}

	public static void main(String[] args) {
		SpringApplication.run(DownloaderApplication.class, args);
	}

}
