package io.reelay.deploy;

import java.util.List;
import java.util.Map;

import io.reelay.downloader.DownloaderProperties;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.media.MediaProperties;
import io.reelay.poller.PollerProperties;
import io.reelay.provider.registry.ProvidersProperties;
import io.reelay.storage.StorageProperties;
import io.reelay.submitter.SubmitterProperties;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A stage's settings bound from a container's environment exactly as the service binds
 * them (relaxed binding, conversions, the records' own checks), so a deployment file's
 * values are read the way the service will read them.
 */
final class StageSettings {

	/** Every settings record of the services. */
	static final List<Class<?>> RECORDS = List.of(ReelayKafkaProperties.class, ProvidersProperties.class,
			MediaProperties.class, StorageProperties.class, SubmitterProperties.class, PollerProperties.class,
			DownloaderProperties.class);

	private final Binder binder;

	private StageSettings(Map<String, String> environment) {
		this.binder = new Binder(ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource("environment", new java.util.LinkedHashMap<>(environment))));
	}

	static StageSettings of(Map<String, String> environment) {
		return new StageSettings(environment);
	}

	<T> T bind(Class<T> record) {
		return this.binder.bindOrCreate(prefixOf(record), record);
	}

	static String prefixOf(Class<?> record) {
		ConfigurationProperties annotation = record.getAnnotation(ConfigurationProperties.class);
		return annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
	}

	ReelayKafkaProperties kafka() {
		return bind(ReelayKafkaProperties.class);
	}

	/** Consumers of the stage's group in one instance. */
	int consumersPerInstance(String stage) {
		return "submitter".equals(stage) ? bind(SubmitterProperties.class).concurrency() : kafka().concurrency();
	}

	/** How long the stage may take to stop once told to. */
	java.time.Duration shutdownTimeout(String stage) {
		return switch (stage) {
			case "submitter" -> bind(SubmitterProperties.class).shutdownTimeout();
			case "poller" -> bind(PollerProperties.class).shutdownTimeout();
			case "downloader" -> bind(DownloaderProperties.class).shutdownTimeout();
			default -> throw new IllegalArgumentException("no stage " + stage);
		};
	}

}
