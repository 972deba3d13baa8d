package io.reelay.provider.registry;

import io.reelay.provider.ProviderEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One endpoint per provider API Reelay can drive, e.g.
 * {@code reelay.providers.generic.api-key} (environment:
 * {@code REELAY_PROVIDERS_GENERIC_API_KEY}).
 */
@ConfigurationProperties("reelay.providers")
public record ProvidersProperties(@DefaultValue @NestedConfigurationProperty ProviderEndpoint generic) {

}
