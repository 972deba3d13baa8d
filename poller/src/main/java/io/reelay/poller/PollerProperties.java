package io.reelay.poller;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.reelay.poller.schedule.ScheduleSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the poller follows jobs.
 *
 * @param delayTiers the fixed delays of the poll-delay topics, one topic each: a wait is
 * made of hops through them, longest first
 * @param schedule when to check a job, before and after learning from completed jobs
 * @param defaults rate and concurrency of every provider without its own
 * @param providers per-provider overrides of {@code defaults}, by provider name
 * @param maxBatch the most due polls one consumer takes from Kafka at a time
 * @param learnedPublishInterval how often what this instance learned goes to the shared
 * topic
 * @param shutdownTimeout how long a stopping instance waits for the batches in hand to be
 * handled and committed; a batch still unfinished then is handed back uncommitted, and
 * whichever instance gets its partitions handles it again
 */
@ConfigurationProperties("reelay.poller")
public record PollerProperties(@DefaultValue( {
		"250ms", "500ms", "1s", "2s", "4s", "8s", "15s", "30s", "1m", "2m", "4m", "8m" }) List<Duration> delayTiers,
		@NestedConfigurationProperty @DefaultValue ScheduleSettings schedule, @DefaultValue ProviderPolling defaults,
		Map<String, ProviderPolling> providers, @DefaultValue("500") int maxBatch,
		@DefaultValue("30s") Duration learnedPublishInterval, @DefaultValue("30s") Duration shutdownTimeout){

	public PollerProperties {
		providers = (providers != null) ? Map.copyOf(providers) : Map.of();
		if (delayTiers.isEmpty()) {
			throw new IllegalArgumentException("reelay.poller.delay-tiers needs at least one delay");
		}
		if (maxBatch < 1) {
			throw new IllegalArgumentException("reelay.poller.max-batch must be at least 1, got " + maxBatch);
		}
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"reelay.poller.shutdown-timeout must not be negative, got " + shutdownTimeout);
		}
	}

	/** The settings of one provider: its own where given, else the defaults. */
	public ProviderPolling of(String provider) {
		return this.providers.getOrDefault(provider, this.defaults);
	}

	/**
	 * How hard the poller may press one provider.
	 *
	 * @param rate status calls per second, on average (a token bucket): keep it under the
	 * provider's limit and Reelay never causes its own 429s
	 * @param burst calls that may go at once after a quiet spell
	 * @param maxConcurrent status calls in flight at once
	 */
	public record ProviderPolling(@DefaultValue("20") double rate, @DefaultValue("20") int burst,
			@DefaultValue("16") int maxConcurrent) {

		public ProviderPolling {
			if (rate <= 0 || burst < 1 || maxConcurrent < 1) {
				throw new IllegalArgumentException("a provider's polling rate must be positive and its burst and"
						+ " max-concurrent at least 1, got rate " + rate + ", burst " + burst + ", max-concurrent "
						+ maxConcurrent);
			}
		}

	}

}
