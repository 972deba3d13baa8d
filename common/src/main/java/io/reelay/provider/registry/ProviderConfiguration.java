package io.reelay.provider.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.reelay.event.EventJson;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.http.ProviderHttpClient;

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
		List<ProviderRegistry.ConfiguredProvider> enabled = new ArrayList<>();
		ProviderEndpoint generic = providers.generic();
		if (generic.enabled()) {
			enabled.add(new ProviderRegistry.ConfiguredProvider(
					new GenericProvider(new ProviderHttpClient(GenericProvider.NAME,
							generic.baseUrlOr(GenericProvider.DOCUMENTED_BASE_URL), generic, EventJson.mapper())),
					generic));
		}
		return new ProviderRegistry(enabled, Set.of(GenericProvider.NAME));
	}

}
