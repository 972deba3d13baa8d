package io.reelay.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelay.downloader.DownloaderApplication;
import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;
import io.reelay.poller.PollerApplication;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;
import io.reelay.submitter.SubmitterApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * Reelay on one machine: a real Kafka broker (KRaft), an S3-compatible server over a data
 * directory, the provider simulator, and the three services, each its own Spring
 * application configured exactly as it would be in production, through its settings.
 */
public final class LocalStack implements AutoCloseable {

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private final StackSettings settings;

	private String bootstrapServers;

	private LocalS3Server s3;

	private ProviderSimulator simulator;

	private final Map<String, Integer> servicePorts = new LinkedHashMap<>();

	private LocalStack(StackSettings settings) {
		this.settings = settings;
	}

	/** Starts everything, in dependency order; on failure stops what was started. */
	public static LocalStack start(StackSettings settings) throws Exception {
		LocalStack stack = new LocalStack(settings);
		try {
			stack.startInfrastructure();
			stack.startServices();
			return stack;
		}
		catch (Exception ex) {
			stack.close();
			throw ex;
		}
	}

	private void startInfrastructure() throws Exception {
		if (this.settings.kafkaBootstrapServers() != null) {
			this.bootstrapServers = this.settings.kafkaBootstrapServers();
		}
		else {
			// a fixed port means a stack to come back to: its topics and offsets are kept
			// too
			LocalKafkaBroker broker = (this.settings.kafkaPort() > 0) ? LocalKafkaBroker
				.startPersistent(this.settings.dataDirectory().resolve("kafka"), this.settings.kafkaPort())
					: LocalKafkaBroker.startTemporary();
			this.started.push(broker);
			this.bootstrapServers = broker.bootstrapServers();
		}
		this.s3 = LocalS3Server.start(this.settings.dataDirectory().resolve("s3"), this.settings.s3Port(),
				StackSettings.S3_ACCESS_KEY, StackSettings.S3_SECRET_KEY);
		this.started.push(this.s3);
		this.simulator = ProviderSimulator
			.start(new SimulatorSettings("127.0.0.1", this.settings.simulatorPort(), SimulatorSettings.DEFAULT_API_KEY,
					this.settings.generationTime(), 0)
				.withFaultFile(this.settings.simulatorFaults()));
		this.started.push(this.simulator);
	}

	private void startServices() {
		List<Class<?>> services = List.of(SubmitterApplication.class, PollerApplication.class,
				DownloaderApplication.class);
		Map<String, String> common = serviceSettings();
		for (int i = 0; i < services.size(); i++) {
			List<String> args = new ArrayList<>();
			common.forEach((name, value) -> args.add("--" + name + "=" + value));
			// each its own HTTP port: one after the other from the first, or any free
			// ones
			int port = (this.settings.servicePort() > 0) ? this.settings.servicePort() + i : 0;
			args.add("--server.port=" + port);
			ConfigurableApplicationContext context = new SpringApplicationBuilder(services.get(i))
				.registerShutdownHook(false)
				.logStartupInfo(false)
				.properties("spring.main.banner-mode=off")
				.run(args.toArray(String[]::new));
			this.started.push(context::close);
			this.servicePorts.put(context.getEnvironment().getProperty("spring.application.name"),
					context.getEnvironment().getProperty("local.server.port", Integer.class, port));
		}
	}

	/**
	 * What each service is told, on its command line so that nothing in the environment
	 * overrides it.
	 */
	Map<String, String> serviceSettings() {
		Map<String, String> settings = new TreeMap<>();
		settings.put("reelay.kafka.bootstrap-servers", this.bootstrapServers);
		settings.put("reelay.kafka.partitions", "3");
		// the same name at every start: a restarted stack aborts what the last one left
		// open in its transactions at once (each stage adds its own name to it)
		settings.put("reelay.kafka.instance-id", "local");
		settings.put("reelay.kafka.retry.initial-interval", "500ms");
		// the simulator is quick: check early, and as often as every poll interval
		String interval = this.settings.pollInterval().toString();
		settings.put("reelay.poller.schedule.first-check", interval);
		settings.put("reelay.poller.schedule.initial-gap", interval);
		settings.put("reelay.poller.schedule.min-gap", interval);
		// every provider API the simulator serves is configured in the services
		for (String provider : this.simulator.providers()) {
			settings.put("reelay.providers." + provider + ".base-url", this.simulator.baseUrl(provider).toString());
			settings.put("reelay.providers." + provider + ".api-key", this.simulator.apiKey());
		}
		// the downloader refuses loopback addresses unless told: only the simulator's
		// port
		URI simulator = this.simulator.baseUrl();
		settings.put("reelay.downloader.allowed-hosts", simulator.getHost() + ":" + simulator.getPort());
		settings.put("reelay.storage.endpoint", this.s3.endpoint().toString());
		settings.put("reelay.storage.access-key", StackSettings.S3_ACCESS_KEY);
		settings.put("reelay.storage.secret-key", StackSettings.S3_SECRET_KEY);
		settings.put("reelay.storage.bucket", StackSettings.BUCKET);
		return settings;
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	public URI s3Endpoint() {
		return this.s3.endpoint();
	}

	public URI simulatorUrl() {
		return this.simulator.baseUrl();
	}

	public ProviderSimulator simulator() {
		return this.simulator;
	}

	/**
	 * The HTTP port each service listens on for health and metrics, by application name
	 * ({@code reelay-submitter}, ...), in start order.
	 */
	public Map<String, Integer> servicePorts() {
		return Collections.unmodifiableMap(this.servicePorts);
	}

	/** A client of the stack's bucket; the caller closes it. */
	public MinioObjectStore openStore() {
		return new MinioObjectStore(new StorageProperties(this.s3.endpoint(), "us-east-1", StackSettings.S3_ACCESS_KEY,
				StackSettings.S3_SECRET_KEY, StackSettings.BUCKET, true, ObjectKeys.DEFAULT_TEMPLATE,
				DataSize.ofMegabytes(16)));
	}

	/** Where the S3 server keeps an object of the bucket as a plain file. */
	public Path fileOf(String key) {
		return this.s3.directory().resolve(StackSettings.BUCKET).resolve(key);
	}

	/**
	 * Stops the services first, so that nothing they do in their last moments finds the
	 * broker gone.
	 */
	@Override
	public synchronized void close() {
		while (!this.started.isEmpty()) {
			try {
				this.started.pop().close();
			}
			catch (Exception ex) {
				System.err.println("while stopping the local stack: " + ex);
			}
		}
	}

}
