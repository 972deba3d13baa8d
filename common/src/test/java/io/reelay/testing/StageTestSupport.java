package io.reelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a stage's integration tests share: the test JVM's broker and S3-compatible server,
 * a simulator of every provider, fast retries, and a publisher and a watcher per test.
 * Subclasses name the topics they watch and add their own settings with another
 * {@link DynamicPropertySource}.
 */
public abstract class StageTestSupport {

	protected static final ProviderSimulator simulator = startSimulator();

	protected RecordPublisher publisher;

	protected TopicWatcher watcher;

	@DynamicPropertySource
	static void pipelineSettings(DynamicPropertyRegistry registry) {
		registry.add("reelay.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
		registry.add("reelay.kafka.partitions", () -> 3);
		registry.add("reelay.kafka.retry.initial-interval", () -> "100ms");
		registry.add("reelay.kafka.retry.max-retries", () -> 2);
		// every provider the simulator serves, all configured for the stage under test
		for (String provider : simulator.providers()) {
			registry.add("reelay.providers." + provider + ".base-url", () -> simulator.baseUrl(provider));
			registry.add("reelay.providers." + provider + ".api-key", simulator::apiKey);
		}
		registry.add("reelay.storage.endpoint", () -> TestInfrastructure.s3().endpoint());
		registry.add("reelay.storage.access-key", () -> TestInfrastructure.s3().accessKey());
		registry.add("reelay.storage.secret-key", () -> TestInfrastructure.s3().secretKey());
		// a test that starts a real server takes any free port: several contexts live at
		// once
		registry.add("server.port", () -> 0);
	}

	/** The topics this stage's tests wait on. */
	protected abstract String[] watchedTopics();

	@BeforeEach
	void connect() {
		this.publisher = new RecordPublisher(TestInfrastructure.kafkaBootstrapServers());
		this.watcher = new TopicWatcher(TestInfrastructure.kafkaBootstrapServers(), watchedTopics());
	}

	@AfterEach
	void disconnect() {
		this.publisher.close();
		this.watcher.close();
	}

	/**
	 * One simulator for the test JVM, like the broker: a module's test classes run one
	 * after the other in the same JVM, and a simulator closed after the first class would
	 * leave the others without providers.
	 */
	private static ProviderSimulator startSimulator() {
		try {
			ProviderSimulator started = ProviderSimulator.start(SimulatorSettings.forTests());
			Runtime.getRuntime().addShutdownHook(new Thread(started::close));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
