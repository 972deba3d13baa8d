package io.reelay.simulator.generic;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorHttp;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The generic API below {@code /generic}, as a plain HTTP client sees it. */
class GenericApiTests {

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(400)));
		http = new SimulatorHttp(simulator, "generic");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void servesASignedVideoUrlOnceTheJobIsDoneAndCountsDownloads() {
		String id = create("a lighthouse");
		assertThat(id).startsWith("video_");

		List<String> words = SimulatorHttp.statusWords(() -> status(id).path("status").asString(),
				List.of("completed", "failed"));
		URI video = URI.create(status(id).path("video_url").asString());
		HttpResponse<byte[]> served = http.fetch(video);

		assertThat(words).endsWith("completed");
		assertThat(video.getPath()).isEqualTo("/generic/files/" + id + ".mp4");
		assertThat(video.getQuery()).matches("expires=\\d+&signature=[0-9a-f]{64}");
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(served.body()).isEqualTo(simulator.videoOf(id));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(1);
	}

	@Test
	void answersTheCreationWithProcessingLikeTheDocument() {
		HttpResponse<byte[]> created = http.post("/v1/videos/generations", "{'model':'m','prompt':'a koi pond'}");

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(body(created).path("status").asString()).isEqualTo("processing");
		assertThat(body(created).path("created_at").isIntegralNumber()).isTrue();
	}

	@Test
	void reportsProgressWhileGenerating() {
		String id = create("slow [sim:stuck]");
		JsonNode running = org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> status(id), (answer) -> "processing".equals(answer.path("status").asString()));
		assertThat(running.path("progress").asInt()).isBetween(0, 99);
	}

	@Test
	void reportsAFailedJobWithItsReason() {
		String failing = create("a storm [sim:fail]");
		String refused = create("a riot [sim:policy]");

		SimulatorHttp.statusWords(() -> status(refused).path("status").asString(), List.of("completed", "failed"));

		assertThat(status(failing).path("error").path("code").asString()).isEqualTo("generation_failed");
		assertThat(status(refused).path("error").path("code").asString()).isEqualTo("content_policy_violation");
	}

	@Test
	void refusesCallsWithoutTheApiKeyInOpenAiShape() {
		HttpResponse<byte[]> answer = http.get("/v1/videos/generations/x", "wrong");

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("invalid_api_key");
		assertThat(body(answer).path("error").path("type").asString()).isEqualTo("authentication_error");
	}

	@Test
	void refusesADurationThatIsNotAnInteger() {
		HttpResponse<byte[]> answer = http.post("/v1/videos/generations", "{'model':'m','prompt':'p','duration':'5'}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("error").path("param").asString()).isEqualTo("duration");
	}

	@Test
	void refusesARequestWithoutModelOrPrompt() {
		assertThat(body(http.post("/v1/videos/generations", "{'prompt':'p'}")).path("error").path("param").asString())
			.isEqualTo("model");
		assertThat(body(http.post("/v1/videos/generations", "{'model':'m'}")).path("error").path("param").asString())
			.isEqualTo("prompt");
	}

	@Test
	void answersAnUnknownTaskWith404() {
		HttpResponse<byte[]> answer = http.get("/v1/videos/generations/video_nobody");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("not_found");
	}

	@Test
	void noLongerServesTheApiAtTheRoot() {
		HttpResponse<byte[]> answer = new SimulatorHttp(simulator, "generic")
			.fetch(URI.create(simulator.baseUrl() + "/v1/videos/generations/x"));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(SimulatorHttp.text(answer)).contains("every provider has its own base URL");
	}

	private static String create(String prompt) {
		HttpResponse<byte[]> answer = http.post("/v1/videos/generations",
				"{'model':'sim-video-1','prompt':'" + prompt + "'}");
		assertThat(answer.statusCode()).isEqualTo(200);
		return body(answer).path("id").asString();
	}

	private static JsonNode status(String id) {
		return body(http.get("/v1/videos/generations/" + id));
	}

}
