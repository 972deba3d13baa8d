package io.reelay.cli.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.stack.StackSettings;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;

import org.springframework.util.unit.DataSize;

/**
 * What the services of a chaos run depend on, in this JVM: a Kafka broker and an S3
 * server, each on a fixed port over a data directory so that it can be stopped and
 * started again with everything it held, and the provider simulator, whose tasks the
 * checks read.
 */
final class ChaosInfrastructure implements AutoCloseable {

	/**
	 * The downloader's part size in a chaos run (S3's smallest): the large videos are
	 * stored in parts, so a kill can leave an unfinished multipart upload behind.
	 */
	static final DataSize PART_SIZE = DataSize.ofMegabytes(5);

	private final Path kafkaDirectory;

	private final int kafkaPort;

	private final Path s3Directory;

	private final int s3Port;

	private final ProviderSimulator simulator;

	private LocalKafkaBroker broker;

	private LocalS3Server s3;

	private ChaosInfrastructure(Path work, int kafkaPort, int s3Port, ProviderSimulator simulator) {
		this.kafkaDirectory = work.resolve("kafka");
		this.kafkaPort = kafkaPort;
		this.s3Directory = work.resolve("s3");
		this.s3Port = s3Port;
		this.simulator = simulator;
	}

	/**
	 * Starts the simulator, the broker and the S3 server, with its data in {@code work}.
	 */
	static ChaosInfrastructure start(Path work) throws Exception {
		// generation times come from each request's [sim:takes=…]; OpenAI's /content
		// delay is kept short so that it does not dominate the run
		ProviderSimulator simulator = ProviderSimulator
			.start(new SimulatorSettings("127.0.0.1", 0, SimulatorSettings.DEFAULT_API_KEY, Duration.ofSeconds(2), 0)
				.withContentDelay(Duration.ofMillis(500)));
		ChaosInfrastructure infrastructure = new ChaosInfrastructure(work, freePortPair(), freePort(), simulator);
		try {
			infrastructure.startBroker();
			infrastructure.startS3();
			return infrastructure;
		}
		catch (Exception ex) {
			infrastructure.close();
			throw ex;
		}
	}

	private synchronized void startBroker() throws IOException {
		this.broker = LocalKafkaBroker.startPersistent(this.kafkaDirectory, this.kafkaPort);
	}

	/**
	 * A clean shutdown of the broker, then a start on the same port and log directory:
	 * topics, offsets and transactions survive, clients reconnect.
	 */
	synchronized void restartBroker() throws IOException {
		stopBroker();
		startBroker();
	}

	private synchronized void stopBroker() {
		if (this.broker != null) {
			this.broker.close();
			this.broker = null;
		}
	}

	/** Starts the S3 server (again) on its port, over the same directory. */
	synchronized void startS3() throws Exception {
		this.s3 = LocalS3Server.start(this.s3Directory, this.s3Port, StackSettings.S3_ACCESS_KEY,
				StackSettings.S3_SECRET_KEY);
	}

	/** Stops the S3 server: connections are refused until {@link #startS3()}. */
	synchronized void stopS3() throws Exception {
		if (this.s3 != null) {
			this.s3.close();
			this.s3 = null;
		}
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.kafkaPort;
	}

	URI s3Endpoint() {
		return URI.create("http://127.0.0.1:" + this.s3Port);
	}

	Path kafkaDirectory() {
		return this.kafkaDirectory;
	}

	Path s3Directory() {
		return this.s3Directory;
	}

	ProviderSimulator simulator() {
		return this.simulator;
	}

	/**
	 * What each service is told: what the local stack tells its services
	 * ({@code LocalStack.serviceSettings()}), plus what a crash test needs.
	 */
	Map<String, String> serviceSettings() {
		Map<String, String> settings = new TreeMap<>();
		settings.put("reelay.kafka.bootstrap-servers", bootstrapServers());
		settings.put("reelay.kafka.partitions", "3");
		settings.put("reelay.kafka.retry.initial-interval", "500ms");
		settings.put("reelay.poller.schedule.first-check", "500ms");
		settings.put("reelay.poller.schedule.initial-gap", "500ms");
		settings.put("reelay.poller.schedule.min-gap", "500ms");
		for (String provider : this.simulator.providers()) {
			settings.put("reelay.providers." + provider + ".base-url", this.simulator.baseUrl(provider).toString());
			settings.put("reelay.providers." + provider + ".api-key", this.simulator.apiKey());
		}
		URI simulatorRoot = this.simulator.baseUrl();
		settings.put("reelay.downloader.allowed-hosts", simulatorRoot.getHost() + ":" + simulatorRoot.getPort());
		settings.put("reelay.storage.endpoint", s3Endpoint().toString());
		settings.put("reelay.storage.access-key", StackSettings.S3_ACCESS_KEY);
		settings.put("reelay.storage.secret-key", StackSettings.S3_SECRET_KEY);
		settings.put("reelay.storage.bucket", StackSettings.BUCKET);
		settings.put("reelay.storage.part-size", PART_SIZE.toBytes() + "B");
		// A SIGKILLed consumer never says goodbye: its partitions wait for its session to
		// expire (45 s by default) before a new life of it gets them.
		settings.put("reelay.kafka.client.session.timeout.ms", "10000");
		settings.put("spring.main.banner-mode", "off");
		return settings;
	}

	/** A client of the bucket; the caller closes it. */
	MinioObjectStore openStore() {
		return new MinioObjectStore(new StorageProperties(s3Endpoint(), "us-east-1", StackSettings.S3_ACCESS_KEY,
				StackSettings.S3_SECRET_KEY, StackSettings.BUCKET, true, ObjectKeys.DEFAULT_TEMPLATE, PART_SIZE));
	}

	@Override
	public synchronized void close() {
		try {
			stopS3();
		}
		catch (Exception ex) {
			System.err.println("while stopping the S3 server: " + ex);
		}
		stopBroker();
		this.simulator.close();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A free port whose next port is free too: the broker's controller listens there. */
	private static int freePortPair() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket first = new ServerSocket(0)) {
				int port = first.getLocalPort();
				if (port < 65535) {
					try (ServerSocket second = new ServerSocket(port + 1)) {
						return port;
					}
					catch (IOException taken) {
						// try another pair
					}
				}
			}
		}
		throw new IOException("found no two free ports in a row for the Kafka broker");
	}

}
