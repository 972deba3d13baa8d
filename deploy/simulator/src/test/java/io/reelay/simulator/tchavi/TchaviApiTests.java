package io.reelay.simulator.tchavi;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
import static org.awaitility.Awaitility.await;

/** tchavi's API below {@code /tchavi/api}, as a plain HTTP client sees it. */
class TchaviApiTests {

	private static final String GENERATIONS = "/v1/videos/generations";

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(500)));
		http = new SimulatorHttp(simulator, "tchavi");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void servesItsApiBelowTchaviApi() {
		assertThat(simulator.baseUrl("tchavi")).hasPath("/tchavi/api");
	}

	@Test
	void acceptsAJobWith202AndFollowsItToAVideoThatDownloads() {
		HttpResponse<byte[]> submitted = http.post(GENERATIONS,
				"{'model':'seedance-2','prompt':'A koi pond','duration':5,'resolution':'480p','aspect_ratio':'9:16'}");
		String id = body(submitted).path("id").asString();

		List<String> words = SimulatorHttp.statusWords(() -> job(id).path("status").asString(),
				List.of("completed", "failed"));
		JsonNode done = job(id);
		JsonNode output = done.path("output");
		HttpResponse<byte[]> video = http.fetch(URI.create(output.path("video_url").asString()));

		assertThat(submitted.statusCode()).isEqualTo(202);
		assertThat(id).startsWith("job_");
		assertThat(body(submitted).path("status").asString()).isEqualTo("processing");
		assertThat(body(submitted).path("tchavi").path("credits_used").asLong()).isEqualTo(1300);
		assertThat(words).endsWith("completed");
		assertThat(output.path("duration").asInt()).isEqualTo(5);
		assertThat(output.path("resolution").asString()).isEqualTo("480p");
		assertThat(output.path("file_size_mb").isNumber()).isTrue();
		assertThat(Instant.parse(output.path("url_expires_at").asString())).isAfter(Instant.now());
		assertThat(done.path("tchavi").path("credits_used").asLong()).isEqualTo(1300);
		assertThat(video.statusCode()).isEqualTo(200);
		assertThat(video.body()).isEqualTo(simulator.videoOf(id));
	}

	@ParameterizedTest
	@CsvSource({ "480p, 5, 1300", "720p, 5, 2900", "480p, -1, 2600", "720p, -1, 5800" })
	void chargesBySecondAndResolutionWithAutoBilledAsTenSeconds(String resolution, int duration, long credits) {
		HttpResponse<byte[]> submitted = http.post(GENERATIONS,
				"{'model':'kling-v3','prompt':'p','resolution':'" + resolution + "','duration':" + duration + "}");

		assertThat(submitted.statusCode()).isEqualTo(202);
		assertThat(body(submitted).path("tchavi").path("credits_used").asLong()).isEqualTo(credits);
	}

	@Test
	void refundsTheCreditsOfAFailedJob() {
		String id = body(http.post(GENERATIONS, "{'model':'seedance-2','prompt':'A riot [sim:policy]'}")).path("id")
			.asString();

		SimulatorHttp.statusWords(() -> job(id).path("status").asString(), List.of("completed", "failed"));
		JsonNode failed = job(id);

		assertThat(failed.path("error").path("code").asString()).isEqualTo("content_policy_violation");
		assertThat(failed.path("error").path("message").asString()).isNotEmpty();
		assertThat(failed.path("tchavi").path("credits_refunded").asLong()).isEqualTo(1300);
		assertThat(failed.has("output")).isFalse();
	}

	@Test
	void refusesAWrongKeyWith401Unauthorized() {
		HttpResponse<byte[]> answer = http.get("/v1/jobs/job_x", "wrong");

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("unauthorized");
		assertThat(body(answer).path("error").path("message").asString()).isNotEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{'model':'sora','prompt':'p'}                                                     | model
					{'model':'seedance-2'}                                                            | prompt
					{'model':'seedance-2','prompt':'p','duration':16}                                 | duration
					{'model':'seedance-2','prompt':'p','duration':0}                                  | duration
					{'model':'seedance-2','prompt':'p','duration':5.5}                                | duration
					{'model':'seedance-2','prompt':'p','resolution':'1080p'}                          | resolution
					{'model':'seedance-2','prompt':'p','aspect_ratio':'21:9'}                         | aspect_ratio
					{'model':'seedance-2','prompt':'p','last_frame_image_url':'https://x/b.png'}      | last_frame_image_url
					{'model':'seedance-2','prompt':'p','image_url':'https://x/a.png','reference_images':['https://x/c.png']} | reference_images
					{'model':'seedance-2','prompt':'p','reference_images':['1','2','3','4','5','6','7','8','9','10']}       | reference_images
					{'model':'seedance-2','prompt':'p','reference_videos':['1','2','3','4']}           | reference_videos
					{'model':'seedance-2','prompt':'p','image_url':'https://x/a.png','reference_audios':['1','2','3','4']} | reference_audios
					{'model':'seedance-2','prompt':'p','reference_audios':['https://x/a.mp3']}         | reference_audios
					""")
	void refusesAnInvalidRequestWith400NamingTheField(String request, String field) {
		HttpResponse<byte[]> answer = http.post(GENERATIONS, request);

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("invalid_request");
		assertThat(body(answer).path("error").path("message").asString()).startsWith(field);
	}

	@Test
	void acceptsEveryDocumentedCombinationOfReferences() {
		List<String> valid = List.of(
				"{'model':'seedance-2','prompt':'p','image_url':'https://x/a.png','last_frame_image_url':'https://x/b.png'}",
				"{'model':'seedance-2','prompt':'p','reference_images':['1','2','3','4','5','6','7','8','9'],'reference_audios':['a']}",
				"{'model':'kling-v3','prompt':'p','duration':-1,'generate_audio':false,'seed':7,'reference_videos':['1','2','3']}");

		for (String request : valid) {
			assertThat(http.post(GENERATIONS, request).statusCode()).as(request).isEqualTo(202);
		}
	}

	@Test
	void listsJobsByStatusAPageAtATime() {
		for (int job = 0; job < 3; job++) {
			http.post(GENERATIONS, "{'model':'seedance-2','prompt':'listed [sim:stuck]'}");
		}

		// stuck jobs are pending for a fifth of the generation time, then processing for
		// ever
		JsonNode page = await().atMost(Duration.ofSeconds(10))
			.until(() -> body(http.get("/v1/jobs?status=processing&limit=2&offset=0")),
					(answer) -> answer.path("has_more").asBoolean());
		JsonNode running = body(http.get("/v1/jobs?status=processing&limit=100"));

		assertThat(page.path("data").size()).isEqualTo(2);
		assertThat(page.path("limit").asInt()).isEqualTo(2);
		assertThat(page.path("has_more").asBoolean()).isTrue();
		assertThat(running.path("data").valueStream().map((job) -> job.path("status").asString()))
			.containsOnly("processing");
		assertThat(http.get("/v1/jobs?status=done").statusCode()).isEqualTo(400);
		assertThat(http.get("/v1/jobs?limit=0").statusCode()).isEqualTo(400);
	}

	@Test
	void answersAnUnknownJobWith404() {
		HttpResponse<byte[]> answer = http.get("/v1/jobs/job_nobody");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("not_found");
	}

	private static JsonNode job(String id) {
		return body(http.get("/v1/jobs/" + id));
	}

}
