package io.reelay.simulator;

import io.reelay.simulator.fault.ProviderCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code [sim:bytes=<size>]}: one job's own video size. */
class SizeMarkerTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests());
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@ParameterizedTest
	@CsvSource({ "[sim:bytes=5000], 5000", "[sim:bytes=64KiB], 65536", "[sim:bytes=6MiB], 6291456",
			"[SIM:BYTES= 2 mib ], 2097152", "[sim:bytes=1GiB], 1073741824" })
	void readsTheSizeOfAMarker(String marker, long expected) {
		assertThat(SizeMarker.in("a harbour at dusk " + marker + " in fog")).hasValue(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[sim:bytes=big]", "[sim:bytes=0]", "[sim:bytes=-5]", "[sim:bytes=2GiB]",
			"[sim:bytes=6MB]", "[sim:bytes=6MiB", "no marker at all" })
	void ignoresAMarkerItCannotRead(String prompt) {
		assertThat(SizeMarker.in(prompt)).isEmpty();
		assertThat(SizeMarker.in(null)).isEmpty();
	}

	@Test
	void servesAVideoOfAtLeastTheSizeItsPromptAsksForAndSmallOnesBesideIt() {
		String large = ProviderCase.GENERIC.createdId(simulator, "a big one [sim:bytes=300KiB]");
		String small = ProviderCase.GENERIC.createdId(simulator, "a small one");

		assertThat(simulator.videoOf(large).length).isGreaterThanOrEqualTo(300 * 1024).isLessThan(400 * 1024);
		assertThat(simulator.videoOf(small).length).isLessThan(100 * 1024);
	}

}
