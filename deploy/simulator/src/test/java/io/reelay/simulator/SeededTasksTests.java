package io.reelay.simulator;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.simulator.fault.ProviderCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Jobs created in-process with {@link TaskBook#seed}, as benchmarks make many. */
class SeededTasksTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(300))
			.withContentDelay(Duration.ZERO));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@ParameterizedTest
	@CsvSource({ "generic, m, video_[0-9a-f]{24}, queued", "minimax, T2V-01, [1-9][0-9]{14}, Preparing",
			"aimlapi, video-01, [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}, queued",
			"tchavi, seedance-2, job_[0-9a-f]{24}, pending", "openai, sora-2, task_[0-9a-f]{24}, queued" })
	void seedsAJobWithTheProvidersIdThatItsStatusCallFinds(String provider, String model, String idShape,
			String queued) {
		ProviderCase api = ProviderCase.of(provider);
		String prompt = "seeded on " + provider;

		SimulatedTask task = simulator.tasks().seed(provider, model, prompt, Duration.ofMinutes(10));
		HttpResponse<byte[]> status = api.status(simulator, task.id());

		assertThat(task.id()).matches(idShape);
		assertThat(task.provider()).isEqualTo(provider);
		assertThat(task.model()).isEqualTo(model);
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(body(status).toString()).contains(task.id()).contains("\"" + queued + "\"");
		assertThat(simulator.tasks().createCalls(provider, prompt)).isZero();
		assertThat(simulator.tasks().callsOf("status", task.id())).isEqualTo(1);
	}

	@ParameterizedTest
	@CsvSource({ "generic, completed", "minimax, Success", "aimlapi, completed", "tchavi, completed",
			"openai, completed" })
	void seedsAFinishedJobWhoseVideoIsServed(String provider, String completed) {
		SimulatedTask task = simulator.tasks().seed(provider, "m", "done already", Duration.ZERO);

		HttpResponse<byte[]> status = ProviderCase.of(provider).status(simulator, task.id());
		// openai serves videos only from /content, behind the API key
		HttpResponse<byte[]> video = new SimulatorHttp(simulator, provider)
			.send(HttpRequest.newBuilder(simulator.videoUrlOf(task.id()))
				.header("Authorization", "Bearer " + simulator.apiKey()));

		assertThat(body(status).toString()).contains("\"" + completed + "\"");
		assertThat(video.statusCode()).isEqualTo(200);
		assertThat(video.body()).isEqualTo(simulator.videoOf(task.id()));
	}

	@Test
	void readsTheOutcomeFromThePromptLikeACreateCall() {
		SimulatedTask failing = simulator.tasks().seed("generic", "m", "a storm [sim:fail]", Duration.ZERO);
		SimulatedTask stuck = simulator.tasks().seed("generic", "m", "forever [sim:stuck]", Duration.ZERO);

		HttpResponse<byte[]> status = ProviderCase.GENERIC.status(simulator, failing.id());

		assertThat(body(status).path("status").asString()).isEqualTo("failed");
		assertThat(body(status).path("error").path("code").asString()).isEqualTo("generation_failed");
		assertThat(stuck.stateAt(stuck.createdAt().plus(Duration.ofDays(1)))).isEqualTo(SimulatedTask.State.RUNNING);
	}

	@Test
	void takesTheOutcomeOfAGenerationFaultRuleLikeACreateCall() {
		simulator.faults().add(FaultRule.on("minimax", Operation.GENERATION, Fault.CONTENT_POLICY).withTimes(1));

		SimulatedTask refused = simulator.tasks().seed("minimax", "T2V-01", "refused", Duration.ZERO);
		SimulatedTask fine = simulator.tasks().seed("minimax", "T2V-01", "fine", Duration.ZERO);

		assertThat(refused.scenario()).isEqualTo(Scenario.CONTENT_POLICY);
		assertThat(fine.scenario()).isEqualTo(Scenario.SUCCEED);
	}

	@Test
	void takesTheGenerationTimeGivenOverThePromptsAndThePromptsOverTheSettings() {
		SimulatedTask given = simulator.tasks().seed("tchavi", "seedance-2", "[sim:takes=5s]", Duration.ofSeconds(42));
		SimulatedTask marked = simulator.tasks().seed("tchavi", "seedance-2", "[sim:takes=5s]", null);
		SimulatedTask plain = simulator.tasks().seed("tchavi", "seedance-2", null, null);

		assertThat(given.generationTime()).isEqualTo(Duration.ofSeconds(42));
		assertThat(marked.generationTime()).isEqualTo(Duration.ofSeconds(5));
		assertThat(plain.generationTime()).isEqualTo(Duration.ofMillis(300));
		assertThat(plain.prompt()).isEmpty();
	}

	@Test
	void refusesAnUnknownProviderAndANegativeTime() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.tasks().seed("sora-9", "m", "p", Duration.ZERO))
			.withMessageContaining("sora-9");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.tasks().seed("generic", "m", "p", Duration.ofSeconds(-1)));
	}

	@Test
	void seedsAHundredThousandJobsEachFoundByItsId() {
		List<SimulatedTask> seeded = new ArrayList<>();
		for (int task = 0; task < 100_000; task++) {
			seeded.add(simulator.tasks().seed("generic", "m", "bulk", Duration.ofMillis(1000 + task)));
		}
		SimulatedTask last = seeded.get(seeded.size() - 1);

		assertThat(seeded).extracting(SimulatedTask::id).doesNotHaveDuplicates();
		assertThat(simulator.tasks().find(seeded.get(0).id())).containsSame(seeded.get(0));
		assertThat(simulator.tasks().find("generic", last.id())).containsSame(last);
		assertThat(ProviderCase.GENERIC.status(simulator, last.id()).statusCode()).isEqualTo(200);
		assertThat(simulator.tasks().createCalls("generic", "bulk")).isZero();
	}

}
