package io.reelay.testing;

import java.nio.file.Files;
import java.nio.file.Path;

import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;

/**
 * One real Kafka broker and one S3-compatible server per test JVM, started on first use
 * and shared by every test class: each test keeps to its own request ids instead of its
 * own broker.
 */
public final class TestInfrastructure {

	public static final String S3_ACCESS_KEY = "reelay-test";

	public static final String S3_SECRET_KEY = "reelay-test-secret";

	private static LocalKafkaBroker kafka;

	private static LocalS3Server s3;

	private TestInfrastructure() {
	}

	public static synchronized String kafkaBootstrapServers() {
		if (kafka == null) {
			try {
				kafka = LocalKafkaBroker.startTemporary();
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not start the Kafka broker", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
		}
		return kafka.bootstrapServers();
	}

	public static synchronized LocalS3Server s3() {
		if (s3 == null) {
			try {
				Path directory = Files.createTempDirectory("reelay-s3-");
				s3 = LocalS3Server.start(directory, 0, S3_ACCESS_KEY, S3_SECRET_KEY);
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not start the S3-compatible server", ex);
			}
			LocalS3Server started = s3;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.close();
				}
				catch (Exception ignored) {
					// the JVM is going away
				}
			}));
		}
		return s3;
	}

}
