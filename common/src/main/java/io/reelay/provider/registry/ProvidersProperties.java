package io.reelay.provider.registry;

import io.reelay.provider.ProviderEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One endpoint per provider API Reelay can drive, e.g.
 * {@code reelay.providers.minimax.api-key} (environment:
 * {@code REELAY_PROVIDERS_MINIMAX_API_KEY}). A provider without an API key is off.
 *
 * @param generic the generic video API ({@code /v1/videos/generations})
 * @param minimax MiniMax video generation (Hailuo)
 * @param aimlapi the AI/ML API ({@code /v2/video/generations})
 * @param tchavi tchavi ({@code /v1/videos/generations}, jobs at {@code /v1/jobs})
 * @param openai the OpenAI-compatible Videos API ({@code /v1/videos}), e.g. APIYI
 */
@ConfigurationProperties("reelay.providers")
public record ProvidersProperties(@DefaultValue @NestedConfigurationProperty ProviderEndpoint generic,
		@DefaultValue @NestedConfigurationProperty ProviderEndpoint minimax,
		@DefaultValue @NestedConfigurationProperty ProviderEndpoint aimlapi,
		@DefaultValue @NestedConfigurationProperty ProviderEndpoint tchavi,
		@DefaultValue @NestedConfigurationProperty ProviderEndpoint openai) {

}
