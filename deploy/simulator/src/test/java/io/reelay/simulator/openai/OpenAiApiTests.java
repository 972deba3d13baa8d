package io.reelay.simulator.openai;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import static org.awaitility.Awaitility.await;

/**
 * The OpenAI-compatible videos API below {@code /openai}, as a plain HTTP client sees it.
 */
class OpenAiApiTests {

	private static final String VEO = "veo-3.1-fast-generate-preview";

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(400))
			.withContentDelay(Duration.ofMillis(400)));
		http = new SimulatorHttp(simulator, "openai");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void answersACreationWithTheVideoObjectQueuedAtProgressZero() {
		HttpResponse<byte[]> created = http.post("/v1/videos",
				"{'model':'" + VEO + "','prompt':'A lighthouse','duration':'8','size':'1280x720',"
						+ "'metadata':{'resolution':'720p','aspectRatio':'16:9'}}");
		JsonNode video = body(created);

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(video.path("id").asString()).startsWith("task_");
		assertThat(video.path("task_id").asString()).isEqualTo(video.path("id").asString());
		assertThat(video.path("object").asString()).isEqualTo("video");
		assertThat(video.path("model").asString()).isEqualTo(VEO);
		assertThat(video.path("status").asString()).isEqualTo("queued");
		assertThat(video.path("progress").asInt()).isZero();
		assertThat(video.path("created_at").isIntegralNumber()).isTrue();
	}

	@Test
	void reportsOnlyCoarseProgressAndServesTheContentAfterItsDelay() {
		String id = create("A koi pond");
		List<Integer> progress = new ArrayList<>();
		SimulatorHttp.statusWords(() -> {
			JsonNode video = body(http.get("/v1/videos/" + id));
			progress.add(video.path("progress").asInt());
			return video.path("status").asString();
		}, List.of("completed", "failed"));
		JsonNode done = body(http.get("/v1/videos/" + id));

		HttpResponse<byte[]> early = http.get("/v1/videos/" + id + "/content");
		HttpResponse<byte[]> content = await().atMost(Duration.ofSeconds(10))
			.until(() -> http.get("/v1/videos/" + id + "/content"), (answer) -> answer.statusCode() != 400);

		assertThat(progress).containsOnly(0, 50, 100);
		assertThat(done.path("completed_at").isIntegralNumber()).isTrue();
		assertThat(done.path("expires_at").asLong()).isGreaterThan(done.path("completed_at").asLong());
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(body(early).path("error").path("code").asString()).isEqualTo("content_not_ready");
		assertThat(content.statusCode()).isEqualTo(200);
		assertThat(content.headers().firstValue("Content-Type")).hasValue("video/mp4");
		assertThat(content.body()).isEqualTo(simulator.videoOf(id));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(1);
	}

	@Test
	void needsTheApiKeyForTheContent() {
		HttpResponse<byte[]> answer = http.get("/v1/videos/task_x/content", null);

		assertThat(answer.statusCode()).isEqualTo(401);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("invalid_api_key");
		assertThat(body(answer).path("error").has("param")).isTrue();
	}

	@Test
	void reportsAContentPolicyFailureWithItsCodeAndAnyOtherWithoutError() {
		String refused = create("A riot [sim:policy]");
		String failed = create("A storm [sim:fail]");

		SimulatorHttp.statusWords(() -> body(http.get("/v1/videos/" + failed)).path("status").asString(),
				List.of("completed", "failed"));
		JsonNode refusal = body(http.get("/v1/videos/" + refused));
		JsonNode failure = body(http.get("/v1/videos/" + failed));

		assertThat(refusal.path("status").asString()).isEqualTo("failed");
		assertThat(refusal.path("error").path("code").asString()).isEqualTo("content_policy_violation");
		assertThat(failure.path("status").asString()).isEqualTo("failed");
		assertThat(failure.has("error")).isFalse();
		assertThat(http.get("/v1/videos/" + failed + "/content").statusCode()).isEqualTo(400);
	}

	@Test
	void listsAndDeletesVideos() {
		String kept = create("kept");
		String deleted = create("deleted");

		HttpResponse<byte[]> deletion = http.delete("/v1/videos/" + deleted);
		JsonNode list = body(http.get("/v1/videos?limit=100"));

		assertThat(body(deletion).path("deleted").asBoolean()).isTrue();
		assertThat(body(deletion).path("object").asString()).isEqualTo("video.deleted");
		assertThat(list.path("object").asString()).isEqualTo("list");
		assertThat(list.path("data").valueStream().map((video) -> video.path("id").asString())).contains(kept)
			.doesNotContain(deleted);
		assertThat(http.get("/v1/videos/" + deleted).statusCode()).isEqualTo(404);
		assertThat(http.delete("/v1/videos/" + deleted).statusCode()).isEqualTo(404);
	}

	@Test
	void tellsTheSdkWhenToPollAgainWhileGenerating() {
		String id = create("A slow one [sim:stuck]");

		assertThat(http.get("/v1/videos/" + id).headers().firstValue("openai-poll-after-ms")).isPresent();
	}

	@Test
	void refusesThumbnailVariants() {
		assertThat(http.get("/v1/videos/task_x/content?variant=thumbnail").statusCode()).isEqualTo(404);
		String id = create("A thumbnail");
		HttpResponse<byte[]> answer = http.get("/v1/videos/" + id + "/content?variant=thumbnail");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("error").path("param").asString()).isEqualTo("variant");
	}

	private static String create(String prompt) {
		HttpResponse<byte[]> answer = http.post("/v1/videos", "{'model':'" + VEO + "','prompt':'" + prompt + "'}");
		assertThat(answer.statusCode()).isEqualTo(200);
		return body(answer).path("id").asString();
	}

}
