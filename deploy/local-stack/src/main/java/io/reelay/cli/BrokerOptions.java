package io.reelay.cli;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Option;

/**
 * Options of the commands that talk to a running Reelay through its Kafka broker: the
 * local stack of {@code ./reelay up} by default, any broker with
 * {@code --bootstrap-servers}.
 */
public final class BrokerOptions {

	@Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
			defaultValue = "${env:REELAY_BOOTSTRAP_SERVERS:-localhost:9092}",
			description = "The Kafka broker(s) of the Reelay to talk to; the environment variable "
					+ "REELAY_BOOTSTRAP_SERVERS sets it too (default: ${DEFAULT-VALUE}, the broker of reelay up).")
	String bootstrapServers;

	@Option(names = "--client-property", paramLabel = "KEY=VALUE",
			description = { "A Kafka client setting; repeatable. For SASL:", "  security.protocol=SASL_SSL",
					"  sasl.mechanism=PLAIN", "  sasl.jaas.config=..." })
	Map<String, String> clientProperties = new LinkedHashMap<>();

	@Option(names = "--connect-timeout", paramLabel = "DURATION", defaultValue = "10s",
			converter = DurationConverter.class,
			description = "How long to try to reach the broker before giving up (default: ${DEFAULT-VALUE}).")
	Duration connectTimeout;

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The settings every Kafka client of the command starts from. */
	public Map<String, Object> clientProperties() {
		Map<String, Object> settings = new HashMap<>(this.clientProperties);
		settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		settings.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, "reelay-cli");
		return settings;
	}

	public Duration connectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Checks, within {@code --connect-timeout}, that the broker answers and holds these
	 * topics: a client of a broker that is not there would otherwise wait a minute or
	 * more before saying so.
	 * @throws BrokerUnreachableException when it does not
	 */
	public void requireTopics(Collection<String> topics) {
		long timeout = this.connectTimeout.toMillis();
		Map<String, Object> settings = clientProperties();
		settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout);
		settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout);
		Admin admin;
		try {
			admin = Admin.create(settings);
		}
		catch (KafkaException ex) {
			throw unreachable(rootMessage(ex));
		}
		try {
			Set<String> missing = new TreeSet<>(topics);
			missing.removeAll(admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS));
			if (!missing.isEmpty()) {
				throw new BrokerUnreachableException("the Kafka broker at " + this.bootstrapServers
						+ " answers but has no " + String.join(", ", missing)
						+ ": is Reelay running there? (./reelay up runs it on this machine)");
			}
		}
		catch (ExecutionException ex) {
			// a timeout is the usual answer of a broker that is not there: say so plainly
			throw unreachable((ex.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) ? "no answer"
					: rootMessage(ex.getCause()));
		}
		catch (TimeoutException ex) {
			throw unreachable("no answer");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable("interrupted");
		}
		finally {
			admin.close(Duration.ofSeconds(1));
		}
	}

	private BrokerUnreachableException unreachable(String why) {
		return new BrokerUnreachableException("cannot reach the Kafka broker at " + this.bootstrapServers + " within "
				+ DurationText.of(this.connectTimeout) + " (" + why + "). Is Reelay running? ./reelay up runs it on "
				+ "this machine; --bootstrap-servers or REELAY_BOOTSTRAP_SERVERS names another broker.");
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
	}

}
