package io.reelay.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker options of {@code submit} and {@code watch}, as parsed from a command line.
 */
class BrokerOptionsTests {

	@Command
	static final class WithBroker {

		@Mixin
		BrokerOptions broker;

	}

	@Test
	void passesClientPropertiesToTheClientsBesideTheBootstrapServers() {
		WithBroker command = new WithBroker();
		new CommandLine(command).parseArgs("--bootstrap-servers", "kafka-1:9093,kafka-2:9093", "--client-property",
				"security.protocol=SASL_SSL", "--client-property",
				"sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p=1\";",
				"--connect-timeout", "3s");

		assertThat(command.broker.clientProperties()).containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9093")
			.containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.jaas.config",
					"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p=1\";")
			.containsEntry("client.id", "reelay-cli");
		assertThat(command.broker.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void talksToTheLocalStackByDefault() {
		WithBroker command = new WithBroker();
		new CommandLine(command).parseArgs();

		String expected = (System.getenv("REELAY_BOOTSTRAP_SERVERS") != null)
				? System.getenv("REELAY_BOOTSTRAP_SERVERS") : "localhost:9092";
		assertThat(command.broker.bootstrapServers()).isEqualTo(expected);
		assertThat(command.broker.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

}
