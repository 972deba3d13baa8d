package io.reelay.simulator.aimlapi;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** The AI/ML API below {@code /aimlapi}, as a plain HTTP client sees it. */
class AimlApiTests {

	private static final String GENERATIONS = "/v2/video/generations";

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(500)));
		http = new SimulatorHttp(simulator, "aimlapi");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void pollsAGenerationByItsIdUntilItsVideoDownloads() {
		HttpResponse<byte[]> created = http.post(GENERATIONS,
				"{'model':'video-01','prompt':'A koi pond','enhance_prompt':false}");
		String id = body(created).path("id").asString();

		List<String> words = SimulatorHttp.statusWords(() -> poll(id).path("status").asString(),
				List.of("completed", "error"));
		JsonNode done = poll(id);
		HttpResponse<byte[]> video = http.fetch(URI.create(done.path("video").path("url").asString()));

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(body(created).path("status").asString()).isEqualTo("queued");
		assertThat(words).endsWith("completed");
		assertThat(done.path("error").isNull()).isTrue();
		assertThat(done.path("meta").path("usage").path("credits_used").asLong()).isEqualTo(AimlApi.CREDITS_PER_VIDEO);
		assertThat(video.statusCode()).isEqualTo(200);
		assertThat(video.body()).isEqualTo(simulator.videoOf(id));
	}

	@Test
	void answersNullVideoErrorAndMetaWhileGenerating() {
		String id = body(http.post(GENERATIONS, "{'model':'video-01','prompt':'A slow one [sim:stuck]'}")).path("id")
			.asString();
		JsonNode running = poll(id);

		assertThat(running.has("video")).isTrue();
		assertThat(running.path("video").isNull()).isTrue();
		assertThat(running.path("error").isNull()).isTrue();
		assertThat(running.path("meta").isNull()).isTrue();
	}

	@Test
	void reportsFailuresAsStatusErrorWithANameAndMessage() {
		String refused = body(http.post(GENERATIONS, "{'model':'video-01','prompt':'A riot [sim:policy]'}")).path("id")
			.asString();
		String failed = body(http.post(GENERATIONS, "{'model':'video-01','prompt':'A storm [sim:fail]'}")).path("id")
			.asString();

		SimulatorHttp.statusWords(() -> poll(refused).path("status").asString(), List.of("completed", "error"));
		SimulatorHttp.statusWords(() -> poll(failed).path("status").asString(), List.of("completed", "error"));

		assertThat(poll(refused).path("error").path("name").asString()).contains("ContentPolicy");
		assertThat(poll(refused).path("error").path("message").asString()).contains("content policy");
		assertThat(poll(failed).path("status").asString()).isEqualTo("error");
		assertThat(poll(failed).path("error").path("message").asString()).isNotEmpty();
		assertThat(poll(failed).path("video").isNull()).isTrue();
		assertThat(poll(failed).path("meta").path("usage").path("credits_used").asLong())
			.isEqualTo(AimlApi.CREDITS_PER_VIDEO);
	}

	@Test
	void refusesAMissingKeyWith401InItsErrorShape() {
		HttpResponse<byte[]> answer = http.get(GENERATIONS + "?generation_id=x", null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(body(answer).path("statusCode").isString()).isTrue();
		assertThat(body(answer).path("statusCode").asString()).isEqualTo("401");
		assertThat(body(answer).path("path").asString()).isEqualTo(GENERATIONS);
		assertThat(body(answer).path("requestId").asString()).isNotEmpty();
		assertThat(body(answer).path("timestamp").asString()).isNotEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{'prompt':'p'}                                          | model
			{'model':'video-02','prompt':'p'}                       | model
			{'model':'video-01'}                                    | prompt
			{'model':'video-01','prompt':7}                         | prompt
			{'model':'video-01','prompt':'p','image_url':5}         | image_url
			{'model':'video-01','prompt':'p','enhance_prompt':'no'} | enhance_prompt
			""")
	void refusesAnInvalidBodyWith400NamingTheField(String request, String field) {
		HttpResponse<byte[]> answer = http.post(GENERATIONS, request);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("message").asString()).isEqualTo("Body validation error!");
		assertThat(body(answer).path("statusCode").asString()).isEqualTo("400");
		assertThat(body(answer).path("meta").get(0).path("path").get(0).asString()).isEqualTo(field);
	}

	@Test
	void refusesAPromptLongerThan2000Characters() {
		HttpResponse<byte[]> answer = http.post(GENERATIONS,
				"{'model':'video-01','prompt':'" + "x".repeat(2001) + "'}");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("meta").get(0).path("code").asString()).isEqualTo("too_big");
	}

	@Test
	void answersAnUnknownGenerationWith404() {
		HttpResponse<byte[]> answer = http.get(GENERATIONS + "?generation_id=nobody");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(body(answer).path("statusCode").asString()).isEqualTo("404");
	}

	@Test
	void refusesAPollWithoutAGenerationId() {
		assertThat(http.get(GENERATIONS).statusCode()).isEqualTo(400);
	}

	private static JsonNode poll(String id) {
		return body(http.get(GENERATIONS + "?generation_id=" + id));
	}

}
