package io.reelay.simulator;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The simulator as a whole: where each provider lives, markers, settings. */
class ProviderSimulatorTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void servesEveryProviderBelowItsOwnBaseUrl() {
		String root = simulator.baseUrl().toString();

		assertThat(simulator.providers()).containsExactly("generic", "minimax", "aimlapi", "tchavi", "openai");
		assertThat(simulator.baseUrl("generic")).isEqualTo(URI.create(root + "/generic"));
		assertThat(simulator.baseUrl("minimax")).isEqualTo(URI.create(root + "/minimax"));
		assertThat(simulator.baseUrl("aimlapi")).isEqualTo(URI.create(root + "/aimlapi"));
		assertThat(simulator.baseUrl("tchavi")).isEqualTo(URI.create(root + "/tchavi/api"));
		assertThat(simulator.baseUrl("openai")).isEqualTo(URI.create(root + "/openai"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> simulator.baseUrl("sora-9"));
	}

	@Test
	void listsTheProvidersAtTheRoot() {
		HttpResponse<byte[]> index = new SimulatorHttp(simulator, "generic").fetch(simulator.baseUrl());

		assertThat(index.statusCode()).isEqualTo(200);
		assertThat(body(index).path("providers").path("tchavi").asString())
			.isEqualTo(simulator.baseUrl("tchavi").toString());
	}

	@Test
	void keepsTheProvidersTasksApart() {
		SimulatorHttp generic = new SimulatorHttp(simulator, "generic");
		SimulatorHttp tchavi = new SimulatorHttp(simulator, "tchavi");
		String id = body(tchavi.post("/v1/videos/generations", "{'model':'seedance-2','prompt':'apart'}")).path("id")
			.asString();

		assertThat(generic.get("/v1/videos/generations/" + id).statusCode()).isEqualTo(404);
		assertThat(tchavi.get("/v1/jobs/" + id).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@CsvSource({ "generic, 429", "minimax, 200", "aimlapi, 429", "tchavi, 429", "openai, 429" })
	void refusesTheFirstBusyCreationOfEachProviderAndAcceptsTheSecond(String provider, int status) {
		String prompt = "busy " + provider + " [sim:busy]";

		HttpResponse<byte[]> first = create(provider, prompt);
		HttpResponse<byte[]> second = create(provider, prompt);

		assertThat(first.statusCode()).isEqualTo(status);
		assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(second.statusCode()).isBetween(200, 202);
		assertThat(simulator.tasks().createCalls(provider, prompt)).isEqualTo(2);
		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource({ "generic, 500", "minimax, 500", "aimlapi, 500", "tchavi, 500", "openai, 500" })
	void answersEveryCreationWithTheCreateErrorMarkerWith500(String provider, int status) {
		String prompt = "unsure " + provider + " [sim:create-error]";

		assertThat(create(provider, prompt).statusCode()).isEqualTo(status);
		assertThat(create(provider, prompt).statusCode()).isEqualTo(status);
		assertThat(simulator.tasks().all()).noneMatch((task) -> task.prompt().equals(prompt));
	}

	@Test
	void answersEveryOtherStatusCallOfAFlakyJobWith503() {
		SimulatorHttp aimlapi = new SimulatorHttp(simulator, "aimlapi");
		String id = body(aimlapi.post("/v2/video/generations", "{'model':'video-01','prompt':'flaky [sim:flaky]'}"))
			.path("id")
			.asString();

		HttpResponse<byte[]> first = aimlapi.get("/v2/video/generations?generation_id=" + id);
		HttpResponse<byte[]> second = aimlapi.get("/v2/video/generations?generation_id=" + id);

		assertThat(first.statusCode()).isEqualTo(503);
		assertThat(body(first).path("message").asString()).isEqualTo("Service unavailable");
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(simulator.tasks().callsOf("status", id)).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(Scenario.class)
	void choosesEachScenarioFromItsMarker(Scenario scenario) {
		assertThat(Scenario.fromPrompt("a prompt " + scenario.marker() + " and more")).isEqualTo(scenario);
	}

	@Test
	void keepsTheFiveSettingsConstructorWithDocumentedDefaults() {
		SimulatorSettings settings = new SimulatorSettings("127.0.0.1", 0, "k", Duration.ofSeconds(5), 0);

		assertThat(settings.contentDelay()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.urlTtlOf("minimax")).isEqualTo(Duration.ofHours(9));
		assertThat(settings.urlTtlOf("tchavi")).isEqualTo(Duration.ofHours(1));
		assertThat(settings.withUrlTtl(Duration.ofMinutes(5)).urlTtlOf("minimax")).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.faultFile()).isNull();
	}

	@Test
	void givesSignedUrlsOfAnyTaskToTests() {
		SimulatorHttp minimax = new SimulatorHttp(simulator, "minimax");
		String id = body(minimax.post("/v1/video_generation", "{'model':'T2V-01','prompt':'signed'}")).path("task_id")
			.asString();

		assertThat(simulator.videoUrlOf(id).getPath()).isEqualTo("/minimax/files/" + id + ".mp4");
		assertThat(simulator.videoUrlOf(id).getQuery()).contains("expires=", "signature=");
	}

	private static HttpResponse<byte[]> create(String provider, String prompt) {
		SimulatorHttp http = new SimulatorHttp(simulator, provider);
		return switch (provider) {
			case "generic" -> http.post("/v1/videos/generations", "{'model':'m','prompt':'" + prompt + "'}");
			case "minimax" -> http.post("/v1/video_generation", "{'model':'T2V-01','prompt':'" + prompt + "'}");
			case "aimlapi" -> http.post("/v2/video/generations", "{'model':'video-01','prompt':'" + prompt + "'}");
			case "tchavi" -> http.post("/v1/videos/generations", "{'model':'kling-v3','prompt':'" + prompt + "'}");
			default -> http.post("/v1/videos", "{'model':'sora-2','prompt':'" + prompt + "'}");
		};
	}

}
