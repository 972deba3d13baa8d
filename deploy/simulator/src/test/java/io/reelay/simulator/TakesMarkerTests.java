package io.reelay.simulator;

import java.time.Duration;
import java.util.List;

import io.reelay.simulator.fault.ProviderCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code [sim:takes=<duration>]}: one job's own generation time. */
class TakesMarkerTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofHours(1)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@ParameterizedTest
	@CsvSource({ "[sim:takes=3s], PT3S", "[sim:takes=1500ms], PT1.5S", "[sim:takes=2m], PT2M", "[sim:takes=1h], PT1H",
			"[sim:takes=2.5s], PT2.5S", "[sim:takes=250], PT0.25S", "[sim:takes=PT4S], PT4S", "[SIM:TAKES= 3 S ], PT3S",
			"[sim:takes=0s], PT0S" })
	void readsTheGenerationTimeOfAMarker(String marker, Duration expected) {
		assertThat(TakesMarker.in("a harbour at dusk " + marker + " in fog")).hasValue(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "[sim:takes=soon]", "[sim:takes=-3s]", "[sim:takes=3 days]", "[sim:takes=]",
			"[sim:takes=PT-1S]", "[sim:takes=9999h]", "[sim:takes=3s", "no marker at all" })
	void ignoresAMarkerItCannotRead(String prompt) {
		assertThat(TakesMarker.in(prompt)).isEmpty();
		assertThat(TakesMarker.in(null)).isEmpty();
	}

	@Test
	void finishesAJobAfterTheTimeItsPromptAsksFor() {
		ProviderCase generic = ProviderCase.GENERIC;
		String id = generic.createdId(simulator, "a quick one [sim:takes=100ms]");
		SimulatedTask task = simulator.tasks().find(id).orElseThrow();

		List<String> words = SimulatorHttp.statusWords(
				() -> body(generic.status(simulator, id)).path("status").asString(), List.of("completed", "failed"));

		assertThat(task.generationTime()).isEqualTo(Duration.ofMillis(100));
		assertThat(task.stateAt(task.createdAt().plusMillis(99))).isNotEqualTo(SimulatedTask.State.SUCCEEDED);
		assertThat(task.stateAt(task.createdAt().plusMillis(100))).isEqualTo(SimulatedTask.State.SUCCEEDED);
		assertThat(words).endsWith("completed");
	}

	@Test
	void combinesWithTheOutcomeMarkers() {
		String id = ProviderCase.TCHAVI.createdId(simulator, "a storm [sim:fail][sim:takes=2s]");
		SimulatedTask task = simulator.tasks().find(id).orElseThrow();

		assertThat(task.scenario()).isEqualTo(Scenario.FAIL);
		assertThat(task.generationTime()).isEqualTo(Duration.ofSeconds(2));
		assertThat(task.stateAt(task.createdAt().plusSeconds(1))).isEqualTo(SimulatedTask.State.RUNNING);
		assertThat(task.stateAt(task.createdAt().plusSeconds(2))).isEqualTo(SimulatedTask.State.FAILED);
	}

	@Test
	void leavesTheSettingsTimeToJobsWithoutOrWithAnUnreadableMarker() {
		String plain = ProviderCase.AIMLAPI.createdId(simulator, "a plain one");
		String typo = ProviderCase.AIMLAPI.createdId(simulator, "a typo [sim:takes=fast]");

		assertThat(simulator.tasks().find(plain).orElseThrow().generationTime()).isEqualTo(Duration.ofHours(1));
		assertThat(simulator.tasks().find(typo).orElseThrow().generationTime()).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void growsProgressOverTheJobsOwnTime() {
		String id = ProviderCase.GENERIC.createdId(simulator, "measured [sim:takes=10s]");
		SimulatedTask task = simulator.tasks().find(id).orElseThrow();

		assertThat(task.progressAt(task.createdAt().plusSeconds(5))).isEqualTo(50);
		assertThat(task.progressAt(task.createdAt().plusSeconds(10))).isEqualTo(100);
	}

}
