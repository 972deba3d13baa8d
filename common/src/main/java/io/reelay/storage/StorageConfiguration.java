package io.reelay.storage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reelay's bucket, created at start-up when configured to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

	@Bean
	MinioObjectStore objectStore(StorageProperties properties) {
		MinioObjectStore store = new MinioObjectStore(properties);
		if (properties.createBucket()) {
			store.ensureBucket();
		}
		return store;
	}

	@Bean
	ObjectKeys objectKeys(StorageProperties properties) {
		return new ObjectKeys(properties.keyTemplate());
	}

}
