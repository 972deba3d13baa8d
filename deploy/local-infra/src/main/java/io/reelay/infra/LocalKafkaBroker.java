package io.reelay.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (combined broker and controller), run in
 * this JVM from Kafka's own server classes. Topics are never created on first use: the
 * services declare theirs, as they must against a production cluster.
 */
public final class LocalKafkaBroker implements AutoCloseable {

	private final KafkaRaftServer server;

	private final int port;

	private final Path logDirectory;

	private final boolean temporary;

	private LocalKafkaBroker(KafkaRaftServer server, int port, Path logDirectory, boolean temporary) {
		this.server = server;
		this.port = port;
		this.logDirectory = logDirectory;
		this.temporary = temporary;
	}

	/** A broker on any free port whose data is deleted when it closes. */
	public static LocalKafkaBroker startTemporary() throws IOException {
		return start(Files.createTempDirectory("reelay-kafka-"), 0, 0, true);
	}

	/**
	 * A broker that keeps its data in {@code logDirectory} across restarts.
	 * @param port the client port; the controller listens on the next port
	 */
	public static LocalKafkaBroker startPersistent(Path logDirectory, int port) throws IOException {
		Files.createDirectories(logDirectory);
		return start(logDirectory, port, port + 1, false);
	}

	private static LocalKafkaBroker start(Path logDirectory, int port, int controllerPort, boolean temporary)
			throws IOException {
		int clientPort = (port > 0) ? port : freePort();
		int quorumPort = (controllerPort > 0) ? controllerPort : freePort();
		Properties settings = settings(logDirectory, clientPort, quorumPort);
		KafkaConfig config = KafkaConfig.fromProps(settings, false);
		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			format(logDirectory);
		}
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		server.startup();
		return new LocalKafkaBroker(server, clientPort, logDirectory, temporary);
	}

	private static Properties settings(Path logDirectory, int clientPort, int controllerPort) {
		Properties settings = new Properties();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		settings.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
		settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("inter.broker.listener.name", "PLAINTEXT");
		settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		settings.put("log.dirs", logDirectory.toAbsolutePath().toString());
		settings.put("auto.create.topics.enable", "false");
		// a single broker: the internal topics cannot have more replicas than that
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("offsets.topic.num.partitions", "10");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("transaction.state.log.num.partitions", "10");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		// consumers join at once instead of waiting for more members that will never come
		settings.put("group.initial.rebalance.delay.ms", "0");
		return settings;
	}

	/** What {@code kafka-storage.sh format} does, without printing to standard output. */
	private static void format(Path logDirectory) {
		String directory = logDirectory.toAbsolutePath().toString();
		try {
			new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
				.setNodeId(1)
				.setClusterId(Uuid.randomUuid().toString())
				.setDirectories(List.of(directory))
				.setMetadataLogDirectory(Optional.of(directory))
				.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
				.setControllerListenerName("CONTROLLER")
				.setIgnoreFormatted(true)
				.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not format the Kafka log directory " + directory, ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public Path logDirectory() {
		return this.logDirectory;
	}

	@Override
	public void close() {
		this.server.shutdown();
		this.server.awaitShutdown();
		if (this.temporary) {
			deleteRecursively(this.logDirectory);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			// a leftover temporary directory is not worth failing a shutdown for
		}
	}

}
