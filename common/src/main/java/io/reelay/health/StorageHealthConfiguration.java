package io.reelay.health;

import io.reelay.storage.StorageProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code s3} health indicator, for the services that read or write Reelay's bucket
 * (the submitter reads images sent as {@code s3://} references, the downloader stores
 * videos); their readiness includes it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageHealthConfiguration {

	@Bean
	S3HealthIndicator s3HealthIndicator(StorageProperties storage) {
		return new S3HealthIndicator(storage, HealthConfiguration.TIMEOUT);
	}

}
