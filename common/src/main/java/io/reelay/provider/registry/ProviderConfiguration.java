package io.reelay.provider.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.reelay.event.EventJson;
import io.reelay.metrics.MeteredProvider;
import io.reelay.metrics.ProviderCallRecorder;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.aimlapi.AimlapiProvider;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.http.ProviderHttpClient;
import io.reelay.provider.minimax.MinimaxProvider;
import io.reelay.provider.openai.OpenAiProvider;
import io.reelay.provider.tchavi.TchaviProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds an adapter for every provider that has an API key configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersProperties.class)
public class ProviderConfiguration {

	/**
	 * Each adapter's HTTP calls are counted by the stage's {@link ProviderCallRecorder},
	 * where the service has one.
	 */
	@Bean
	ProviderRegistry providerRegistry(ProvidersProperties providers, ObjectProvider<ProviderCallRecorder> recorder) {
		return registry(providers, recorder.getIfAvailable());
	}

	public static ProviderRegistry registry(ProvidersProperties providers) {
		return registry(providers, null);
	}

	/**
	 * @param recorder where the adapters' HTTP calls are counted, or null
	 */
	public static ProviderRegistry registry(ProvidersProperties providers, ProviderCallRecorder recorder) {
		List<Adapter> adapters = List.of(
				new Adapter(GenericProvider.NAME, GenericProvider.DOCUMENTED_BASE_URL, providers.generic(),
						GenericProvider::new),
				new Adapter(MinimaxProvider.NAME, MinimaxProvider.DOCUMENTED_BASE_URL, providers.minimax(),
						MinimaxProvider::new),
				new Adapter(AimlapiProvider.NAME, AimlapiProvider.DOCUMENTED_BASE_URL, providers.aimlapi(),
						AimlapiProvider::new),
				new Adapter(TchaviProvider.NAME, TchaviProvider.DOCUMENTED_BASE_URL, providers.tchavi(),
						TchaviProvider::new),
				new Adapter(OpenAiProvider.NAME, OpenAiProvider.DOCUMENTED_BASE_URL, providers.openai(),
						OpenAiProvider::new));
		List<ProviderRegistry.ConfiguredProvider> enabled = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>();
		for (Adapter adapter : adapters) {
			known.add(adapter.name());
			if (adapter.endpoint().enabled()) {
				VideoProvider built = adapter.build();
				enabled.add(new ProviderRegistry.ConfiguredProvider(
						(recorder != null) ? new MeteredProvider(built, recorder) : built, adapter.endpoint()));
			}
		}
		return new ProviderRegistry(enabled, known);
	}

	/** One provider API: its documented host, its settings, and how to build it. */
	private record Adapter(String name, URI documentedBaseUrl, ProviderEndpoint endpoint,
			Function<ProviderHttpClient, VideoProvider> constructor) {

		VideoProvider build() {
			return this.constructor.apply(new ProviderHttpClient(this.name,
					this.endpoint.baseUrlOr(this.documentedBaseUrl), this.endpoint, EventJson.mapper()));
		}

	}

}
