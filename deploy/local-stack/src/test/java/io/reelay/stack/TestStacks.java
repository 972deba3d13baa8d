package io.reelay.stack;

import java.nio.file.Path;
import java.time.Duration;

import io.reelay.testing.TestInfrastructure;

/** The local stack as the tests run it: on the test JVM's broker, with quick checks. */
public final class TestStacks {

	private TestStacks() {
	}

	/** Started; the caller closes it. */
	public static LocalStack start(Path data) throws Exception {
		return LocalStack.start(StackSettings.ephemeral(data)
			.withKafka(TestInfrastructure.kafkaBootstrapServers())
			.withTimings(Duration.ofMillis(300), Duration.ofMillis(200)));
	}

}
