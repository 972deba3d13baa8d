package io.reelay.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
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

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	private static ProviderSimulator startSimulator() {
		try {
			return ProviderSimulator.start(SimulatorSettings.forTests());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
