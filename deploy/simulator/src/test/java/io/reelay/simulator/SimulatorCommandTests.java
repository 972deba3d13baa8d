package io.reelay.simulator;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

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

}
