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
 * What a stage's integration tests share: the test JVM's broker, a simulator of the
 * generic provider, fast retries, and a publisher and a watcher per test. Subclasses name
 * the topics they watch and add their own settings with another
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
		registry.add("reelay.providers.generic.base-url", simulator::baseUrl);
		registry.add("reelay.providers.generic.api-key", simulator::apiKey);
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
