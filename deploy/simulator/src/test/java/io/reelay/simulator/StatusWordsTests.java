package io.reelay.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every provider's job moves through all its status words. The generation time is long
 * enough that even MiniMax's Preparing (the first tenth) is seen by the poll right after
 * the creation, and the five jobs run side by side so the test waits for one generation
 * only.
 */
class StatusWordsTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofSeconds(3)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void everyProviderReportsEachOfItsStatusWordsInOrder() {
		Map<String, Supplier<String>> statuses = new LinkedHashMap<>();
		Map<String, List<String>> seen = new LinkedHashMap<>();
		follow("generic", generic(), statuses, seen);
		follow("minimax", minimax(), statuses, seen);
		follow("aimlapi", aimlapi(), statuses, seen);
		follow("tchavi", tchavi(), statuses, seen);
		follow("openai", openai(), statuses, seen);

		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> {
			statuses.forEach((provider, status) -> note(seen.get(provider), status.get()));
			return seen.values()
				.stream()
				.allMatch((words) -> words.get(words.size() - 1).matches("(?i)completed|success"));
		});

		assertThat(seen.get("generic")).containsExactly("queued", "processing", "completed");
		assertThat(seen.get("minimax")).containsExactly("Preparing", "Queueing", "Processing", "Success");
		assertThat(seen.get("aimlapi")).containsExactly("queued", "generating", "completed");
		assertThat(seen.get("tchavi")).containsExactly("pending", "processing", "completed");
		assertThat(seen.get("openai")).containsExactly("queued", "in_progress", "completed");
	}

	/** Asks for the status right after the creation, while the job is surely queued. */
	private static void follow(String provider, Supplier<String> status, Map<String, Supplier<String>> statuses,
			Map<String, List<String>> seen) {
		statuses.put(provider, status);
		seen.put(provider, new ArrayList<>(List.of(status.get())));
	}

	private static void note(List<String> words, String word) {
		if (!words.get(words.size() - 1).equals(word)) {
			words.add(word);
		}
	}

	private static Supplier<String> generic() {
		SimulatorHttp http = new SimulatorHttp(simulator, "generic");
		String id = body(http.post("/v1/videos/generations", "{'model':'m','prompt':'words'}")).path("id").asString();
		return () -> body(http.get("/v1/videos/generations/" + id)).path("status").asString();
	}

	private static Supplier<String> minimax() {
		SimulatorHttp http = new SimulatorHttp(simulator, "minimax");
		String id = body(http.post("/v1/video_generation", "{'model':'T2V-01','prompt':'words'}")).path("task_id")
			.asString();
		return () -> body(http.get("/v1/query/video_generation?task_id=" + id)).path("status").asString();
	}

	private static Supplier<String> aimlapi() {
		SimulatorHttp http = new SimulatorHttp(simulator, "aimlapi");
		String id = body(http.post("/v2/video/generations", "{'model':'video-01','prompt':'words'}")).path("id")
			.asString();
		return () -> body(http.get("/v2/video/generations?generation_id=" + id)).path("status").asString();
	}

	private static Supplier<String> tchavi() {
		SimulatorHttp http = new SimulatorHttp(simulator, "tchavi");
		String id = body(http.post("/v1/videos/generations", "{'model':'seedance-2','prompt':'words'}")).path("id")
			.asString();
		return () -> body(http.get("/v1/jobs/" + id)).path("status").asString();
	}

	private static Supplier<String> openai() {
		SimulatorHttp http = new SimulatorHttp(simulator, "openai");
		String id = body(http.post("/v1/videos", "{'model':'veo-3.1-fast-generate-preview','prompt':'words'}"))
			.path("id")
			.asString();
		return () -> body(http.get("/v1/videos/" + id)).path("status").asString();
	}

}
