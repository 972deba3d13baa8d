package io.reelay.provider.registry;

import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.reelay.event.FailureCode;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.ProviderException;
import io.reelay.provider.VideoProvider;

/** The providers this installation is configured for, by the name requests use. */
public final class ProviderRegistry {

	private final Map<String, ConfiguredProvider> enabled = new TreeMap<>();

	private final Set<String> known;

	public ProviderRegistry(Collection<ConfiguredProvider> enabled, Set<String> known) {
		enabled.forEach((configured) -> this.enabled.put(configured.adapter().name(), configured));
		this.known = new TreeSet<>(known);
	}

	/** An adapter together with the settings it was built from. */
	public record ConfiguredProvider(VideoProvider adapter, ProviderEndpoint endpoint) {
	}

	public Optional<VideoProvider> find(String name) {
		return Optional.ofNullable(this.enabled.get(name)).map(ConfiguredProvider::adapter);
	}

	/**
	 * The provider, or a non-retryable INVALID_REQUEST that tells the caller what to fix.
	 */
	public VideoProvider require(String name) {
		return find(name).orElseThrow(() -> new ProviderException(FailureCode.INVALID_REQUEST, whyMissing(name)));
	}

	/** Why there is no provider of this name, in the words of a request problem. */
	public String whyMissing(String name) {
		if (name == null || name.isBlank()) {
			return "provider: required, one of " + this.known;
		}
		if (this.known.contains(name)) {
			return "provider: '" + name + "' is not configured in this Reelay installation (its operator sets "
					+ "REELAY_PROVIDERS_" + name.toUpperCase(Locale.ROOT) + "_API_KEY)";
		}
		return "provider: '" + name + "' is unknown, one of " + this.known;
	}

	/** How long a request for this provider may take when it sets no deadline. */
	public Duration defaultDeadline(String name) {
		ConfiguredProvider configured = this.enabled.get(name);
		return (configured != null) ? configured.endpoint().defaultDeadline() : Duration.ofMinutes(30);
	}

	/**
	 * How long a call to this provider may take: after that, a create call whose answer
	 * was lost is surely no longer on its way.
	 */
	public Duration requestTimeout(String name) {
		ConfiguredProvider configured = this.enabled.get(name);
		return (configured != null) ? configured.endpoint().requestTimeout() : Duration.ofSeconds(30);
	}

	public Set<String> enabledNames() {
		return this.enabled.keySet();
	}

}
