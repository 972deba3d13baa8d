package io.reelay.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The simulator's own behaviour, as a plain HTTP client sees it. */
class ProviderSimulatorTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(400)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void servesTheVideoOnlyOnceTheJobIsDoneAndCountsDownloads() throws Exception {
		String id = create("a lighthouse");
		URI video = URI.create(simulator.baseUrl() + "/v1/temp-images/" + id + ".mp4");

		assertThat(get(video, null).statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(status(id).path("status").asString()));
		HttpResponse<byte[]> served = get(video, null);

		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(served.body()).isEqualTo(simulator.videoOf(id));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(1);
		assertThat(status(id).path("video_url").asString()).isEqualTo(video.toString());
	}

	@Test
	void reportsProgressWhileGenerating() throws Exception {
		String id = create("slow [sim:stuck]");
		JsonNode running = await().atMost(Duration.ofSeconds(10))
			.until(() -> status(id), (answer) -> "processing".equals(answer.path("status").asString()));
		assertThat(running.path("progress").asInt()).isBetween(0, 99);
	}

	@Test
	void refusesCallsWithoutTheApiKey() throws Exception {
		HttpResponse<byte[]> answer = get(URI.create(simulator.baseUrl() + "/v1/videos/generations/x"), "wrong");
		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(new String(answer.body())).contains("invalid_api_key");
	}

	@Test
	void refusesADurationThatIsNotAnInteger() throws Exception {
		HttpResponse<byte[]> answer = post("{\"model\":\"m\",\"prompt\":\"p\",\"duration\":\"5\"}");
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(new String(answer.body())).contains("\"param\":\"duration\"");
	}

	@ParameterizedTest
	@EnumSource(Scenario.class)
	void choosesEachScenarioFromItsMarker(Scenario scenario) {
		assertThat(Scenario.fromPrompt("a prompt " + scenario.marker() + " and more")).isEqualTo(scenario);
	}

	private static String create(String prompt) throws Exception {
		HttpResponse<byte[]> answer = post("{\"model\":\"sim-video-1\",\"prompt\":\"" + prompt + "\"}");
		assertThat(answer.statusCode()).isEqualTo(200);
		return Exchanges.json().readTree(answer.body()).path("id").asString();
	}

	private static JsonNode status(String id) throws Exception {
		return Exchanges.json()
			.readTree(get(URI.create(simulator.baseUrl() + "/v1/videos/generations/" + id), simulator.apiKey()).body());
	}

	private static HttpResponse<byte[]> post(String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/videos/generations"))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static HttpResponse<byte[]> get(URI uri, String apiKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
