package io.reelay.health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the service reaches its Kafka cluster: a {@code describeCluster} with a short
 * timeout, through one admin client kept for every check and configured as the stage's
 * own clients are ({@code reelay.kafka.bootstrap-servers} and
 * {@code reelay.kafka.client.*}).
 */
public final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private final Map<String, Object> config;

	private final Duration timeout;

	private final HealthTransitions transitions = new HealthTransitions("Kafka");

	private Admin admin;

	/**
	 * @param client the admin client's settings, bootstrap servers and security included
	 * @param timeout how long a check may take: under the readiness probe's timeout
	 */
	public KafkaHealthIndicator(Map<String, Object> client, String clientId, Duration timeout) {
		Map<String, Object> config = new HashMap<>(client);
		int millis = (int) timeout.toMillis();
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		// while the cluster is away, try it now and then rather than every few
		// milliseconds: each attempt logs a warning
		config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
		this.config = Map.copyOf(config);
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		Object servers = this.config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
		// a little longer than the call's own timeout, so that the client says what it
		// waited for
		long wait = this.timeout.toMillis() + 500;
		try {
			DescribeClusterResult cluster = admin()
				.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
			String clusterId = cluster.clusterId().get(wait, TimeUnit.MILLISECONDS);
			int nodes = cluster.nodes().get(wait, TimeUnit.MILLISECONDS).size();
			return this.transitions.up(Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes))
				.build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return this.transitions.down(ex, servers).build();
		}
		catch (ExecutionException ex) {
			return this.transitions.down((ex.getCause() != null) ? ex.getCause() : ex, servers).build();
		}
		catch (TimeoutException | RuntimeException ex) {
			return this.transitions.down(ex, servers).build();
		}
	}

	private synchronized Admin admin() {
		if (this.admin == null) {
			this.admin = Admin.create(this.config);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(1));
			this.admin = null;
		}
	}

}
