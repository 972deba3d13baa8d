package io.reelay.simulator;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The command line of the standalone simulator. */
class SimulatorCommandTests {

	@Test
	void readsTheFaultFileUrlLifetimeAndContentDelay() {
		SimulatorCommand command = new SimulatorCommand();
		new CommandLine(command).parseArgs("--faults", "faults.json", "--url-ttl", "PT10M", "--content-delay", "PT1S",
				"--generation-time", "PT2S");

		assertThat(command.faultFile).isEqualTo(Path.of("faults.json"));
		assertThat(command.urlTtl).isEqualTo(Duration.ofMinutes(10));
		assertThat(command.contentDelay).isEqualTo(Duration.ofSeconds(1));
		assertThat(command.generationTime).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void leavesUrlLifetimesToEachProviderByDefault() {
		SimulatorCommand command = new SimulatorCommand();
		new CommandLine(command).parseArgs();

		assertThat(command.urlTtl).isNull();
		assertThat(command.contentDelay).isEqualTo(SimulatorSettings.DEFAULT_CONTENT_DELAY);
		assertThat(command.faultFile).isNull();
	}

	@Test
	void readsRepeatedRateLimitsWithOrWithoutABurst() {
		SimulatorCommand command = new SimulatorCommand();
		new CommandLine(command).parseArgs("--rate-limit", "generic=20", "--rate-limit", "minimax=0.5/3",
				"--rate-limit", "openai=2.5");

		assertThat(command.rateLimits).containsExactly(new SimulatorCommand.RateLimitOption("generic", 20, 20),
				new SimulatorCommand.RateLimitOption("minimax", 0.5, 3),
				new SimulatorCommand.RateLimitOption("openai", 2.5, 3));
		assertThat(new SimulatorCommand().rateLimits).isEmpty();
	}

	@Test
	void refusesARateLimitItCannotRead() {
		for (String wrong : new String[] { "generic", "generic=fast", "generic=0", "generic=20/0", "=20" }) {
			assertThatExceptionOfType(ParameterException.class)
				.isThrownBy(() -> new CommandLine(new SimulatorCommand()).parseArgs("--rate-limit", wrong))
				.withMessageContaining("--rate-limit");
		}
	}

}
