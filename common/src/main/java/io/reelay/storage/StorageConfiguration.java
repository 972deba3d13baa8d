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
			try {
				store.ensureBucket();
			}
			catch (RuntimeException ex) {
				// the client's threads would keep a service that cannot start alive for a
				// minute
				closeQuietly(store, ex);
				throw ex;
			}
		}
		return store;
	}

	private static void closeQuietly(MinioObjectStore store, RuntimeException failure) {
		try {
			store.close();
		}
		catch (Exception ex) {
			failure.addSuppressed(ex);
		}
	}

	@Bean
	ObjectKeys objectKeys(StorageProperties properties) {
		return new ObjectKeys(properties.keyTemplate());
	}

}
