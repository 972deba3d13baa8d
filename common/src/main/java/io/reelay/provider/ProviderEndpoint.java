package io.reelay.provider;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach one provider's API.
 *
 * @param baseUrl the API root; each provider has a documented default
 * @param apiKey sent as a bearer token; the provider is disabled while it is blank
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer to an API call
 * @param defaultDeadline how long a request may take when it sets no deadline itself
 */
public record ProviderEndpoint(URI baseUrl, String apiKey, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration requestTimeout, @DefaultValue("30m") Duration defaultDeadline) {

	public boolean enabled() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	public URI baseUrlOr(URI documentedDefault) {
		return (this.baseUrl != null) ? this.baseUrl : documentedDefault;
	}

}
