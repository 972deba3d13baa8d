package io.reelay.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import io.reelay.event.Stage;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;
import io.reelay.testing.ActuatorClient;
import io.reelay.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The submitter's probes when Kafka or the bucket is away: not ready, with the failing
 * indicator saying why, and still alive, so Kubernetes stops sending work but restarts
 * nothing. A submitter cannot start without its broker, so the probes run here in a
 * context of their own: the submitter's health settings and indicators, nothing else.
 */
class ReadinessIntegrationTests {

	private static final String BUCKET = "readiness-tests";

	@Test
	void isNotReadyButAliveWhileTheBucketCannotBeReached() {
		String endpoint = "http://127.0.0.1:" + closedPort();
		try (ConfigurableApplicationContext probes = start(TestInfrastructure.kafkaBootstrapServers(), endpoint)) {
			ActuatorClient actuator = new ActuatorClient(portOf(probes));

			ActuatorClient.Health readiness = actuator.health("/health/readiness");
			ActuatorClient.Health liveness = actuator.health("/health/liveness");

			assertThat(readiness.httpStatus()).isEqualTo(503);
			assertThat(readiness.status()).isEqualTo("DOWN");
			assertThat(readiness.status("s3")).isEqualTo("DOWN");
			assertThat(readiness.details("s3").path("target").asString()).isEqualTo(endpoint);
			assertThat(readiness.details("s3").path("error").asString()).contains("Connect");
			assertThat(readiness.status("kafka")).isEqualTo("UP");
			assertThat(liveness.httpStatus()).isEqualTo(200);
			assertThat(liveness.status()).isEqualTo("UP");
		}
	}

	@Test
	void isNotReadyButAliveWhileTheBrokerCannotBeReached() throws Exception {
		createBucket();
		String broker = "127.0.0.1:" + closedPort();
		try (ConfigurableApplicationContext probes = start(broker, TestInfrastructure.s3().endpoint().toString())) {
			ActuatorClient actuator = new ActuatorClient(portOf(probes));

			ActuatorClient.Health readiness = actuator.health("/health/readiness");
			ActuatorClient.Health liveness = actuator.health("/health/liveness");

			assertThat(readiness.httpStatus()).isEqualTo(503);
			assertThat(readiness.status("kafka")).isEqualTo("DOWN");
			assertThat(readiness.details("kafka").path("target").asString()).isEqualTo(broker);
			assertThat(readiness.details("kafka").path("error").asString()).contains("TimeoutException");
			assertThat(readiness.status("s3")).isEqualTo("UP");
			assertThat(liveness.httpStatus()).isEqualTo(200);
			assertThat(liveness.status()).isEqualTo("UP");
		}
	}

	private static ConfigurableApplicationContext start(String bootstrapServers, String s3Endpoint) {
		return new SpringApplicationBuilder(SubmitterProbes.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--reelay.kafka.bootstrap-servers=" + bootstrapServers,
				"--reelay.storage.endpoint=" + s3Endpoint,
				"--reelay.storage.access-key=" + TestInfrastructure.S3_ACCESS_KEY,
				"--reelay.storage.secret-key=" + TestInfrastructure.S3_SECRET_KEY, "--reelay.storage.bucket=" + BUCKET);
	}

	private static void createBucket() throws Exception {
		try (MinioObjectStore store = new MinioObjectStore(new StorageProperties(TestInfrastructure.s3().endpoint(),
				"us-east-1", TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY, BUCKET, true,
				ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofMegabytes(5)))) {
			store.ensureBucket();
		}
	}

	private static int portOf(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** A port nothing listens on. */
	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The submitter's health settings and indicators, and nothing else of it. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ HealthConfiguration.class, StorageHealthConfiguration.class })
	@PropertySource({ "classpath:reelay-service.properties", "classpath:reelay-submitter.properties" })
	static class SubmitterProbes {

		@Bean
		Stage stage() {
			return Stage.SUBMITTER;
		}

	}

}
