package io.reelay.provider.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.provider.ProviderException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The environment variable names the README documents bind to the settings records. */
class ProviderSettingsBindingTests {

	@Test
	void bindsProviderAndKafkaSettingsFromEnvironmentVariables() {
		Binder binder = binderOf(Map.of("REELAY_PROVIDERS_GENERIC_BASE_URL", "http://127.0.0.1:8089",
				"REELAY_PROVIDERS_GENERIC_API_KEY", "secret", "REELAY_PROVIDERS_GENERIC_REQUEST_TIMEOUT", "12s",
				"REELAY_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092", "REELAY_KAFKA_PARTITIONS", "24"));

		ProvidersProperties providers = binder.bindOrCreate("reelay.providers", ProvidersProperties.class);
		ReelayKafkaProperties kafka = binder.bindOrCreate("reelay.kafka", ReelayKafkaProperties.class);

		assertThat(providers.generic().baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
		assertThat(providers.generic().apiKey()).isEqualTo("secret");
		assertThat(providers.generic().requestTimeout()).isEqualTo(Duration.ofSeconds(12));
		assertThat(providers.generic().defaultDeadline()).isEqualTo(Duration.ofMinutes(30));
		assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
		assertThat(kafka.partitions()).isEqualTo(24);
		assertThat(kafka.retry().maxRetries()).isEqualTo(5);
	}

	@Test
	void enablesOnlyProvidersWithAnApiKeyAndSaysHowToEnableTheOthers() {
		ProviderRegistry registry = ProviderConfiguration
			.registry(binderOf(Map.of()).bindOrCreate("reelay.providers", ProvidersProperties.class));
		assertThat(registry.enabledNames()).isEmpty();
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> registry.require("generic"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
				assertThat(ex.getMessage()).contains("REELAY_PROVIDERS_GENERIC_API_KEY");
			});
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> registry.require("sora"))
			.withMessage("provider: 'sora' is unknown, one of [aimlapi, generic, minimax, openai, tchavi]");
	}

	private static Binder binderOf(Map<String, Object> environment) {
		// Spring maps FOO_BAR_BAZ names only for sources named like the system
		// environment
		return new Binder(ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)));
	}

}
