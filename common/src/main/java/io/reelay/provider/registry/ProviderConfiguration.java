package io.reelay.provider.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.reelay.event.EventJson;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.aimlapi.AimlapiProvider;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.http.ProviderHttpClient;
import io.reelay.provider.minimax.MinimaxProvider;
import io.reelay.provider.openai.OpenAiProvider;
import io.reelay.provider.tchavi.TchaviProvider;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds an adapter for every provider that has an API key configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvidersProperties.class)
public class ProviderConfiguration {

	@Bean
	ProviderRegistry providerRegistry(ProvidersProperties providers) {
		return registry(providers);
	}

	public static ProviderRegistry registry(ProvidersProperties providers) {
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
				enabled.add(new ProviderRegistry.ConfiguredProvider(adapter.build(), adapter.endpoint()));
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
