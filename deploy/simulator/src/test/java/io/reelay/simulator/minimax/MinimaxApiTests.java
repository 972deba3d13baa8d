package io.reelay.simulator.minimax;

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

/** MiniMax's API below {@code /minimax}, as a plain HTTP client sees it. */
class MinimaxApiTests {

	private static final String SUBMIT = "/v1/video_generation";

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(600)));
		http = new SimulatorHttp(simulator, "minimax");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void goesFromSubmissionThroughEveryStatusToAFileThatDownloads() {
		HttpResponse<byte[]> submitted = http.post(SUBMIT, "{'model':'T2V-01','prompt':'A koi pond [Pan left]'}");
		String taskId = body(submitted).path("task_id").asString();

		List<String> words = SimulatorHttp.statusWords(() -> query(taskId).path("status").asString(),
				List.of("Success", "Fail"));
		JsonNode done = query(taskId);
		JsonNode retrieved = body(http.get("/v1/files/retrieve?file_id=" + done.path("file_id").asString()));
		HttpResponse<byte[]> video = http.fetch(URI.create(retrieved.path("file").path("download_url").asString()));

		assertThat(submitted.statusCode()).isEqualTo(200);
		assertThat(taskId).matches("\\d{15}");
		assertThat(body(submitted).path("base_resp").path("status_code").asInt()).isZero();
		assertThat(words).endsWith("Success");
		assertThat(done.path("file_id").isString()).isTrue();
		assertThat(done.path("video_width").asInt()).isEqualTo(1280);
		assertThat(done.path("video_height").asInt()).isEqualTo(720);
		JsonNode file = retrieved.path("file");
		assertThat(file.path("file_id").isIntegralNumber()).isTrue();
		assertThat(file.path("file_id").asString()).isEqualTo(done.path("file_id").asString());
		assertThat(file.path("filename").asString()).isEqualTo("output.mp4");
		assertThat(file.path("purpose").asString()).isEqualTo("video_generation");
		assertThat(file.path("bytes").asLong()).isEqualTo(simulator.videoOf(taskId).length);
		assertThat(file.path("created_at").isIntegralNumber()).isTrue();
		assertThat(video.statusCode()).isEqualTo(200);
		assertThat(video.body()).isEqualTo(simulator.videoOf(taskId));
	}

	@Test
	void signsDownloadUrlsForNineHours() {
		String taskId = submitFinished("A harbour at night");
		String url = body(http.get("/v1/files/retrieve?file_id=" + query(taskId).path("file_id").asString()))
			.path("file")
			.path("download_url")
			.asString();

		long expires = Long.parseLong(url.replaceAll(".*expires=(\\d+).*", "$1"));
		assertThat(Duration.between(Instant.now(), Instant.ofEpochSecond(expires)))
			.isBetween(Duration.ofHours(9).minusMinutes(1), Duration.ofHours(9));
	}

	@Test
	void reportsAContentPolicyFailureWithCode1027() {
		String taskId = submitFinished("A riot [sim:policy]");
		JsonNode failed = query(taskId);

		assertThat(failed.path("status").asString()).isEqualTo("Fail");
		assertThat(failed.path("file_id").asString()).isEmpty();
		assertThat(failed.path("base_resp").path("status_code").asInt()).isEqualTo(1027);
	}

	@Test
	void reportsAnyOtherFailureOnlyByItsStatus() {
		JsonNode failed = query(submitFinished("A storm [sim:fail]"));

		assertThat(failed.path("status").asString()).isEqualTo("Fail");
		assertThat(failed.path("base_resp").path("status_code").asInt()).isZero();
	}

	@Test
	void answersAMissingKeyWith1004AndAWrongOneWith2049InHttp200() {
		HttpResponse<byte[]> missing = http.post(SUBMIT, "{'model':'T2V-01','prompt':'p'}", null);
		HttpResponse<byte[]> wrong = http.get("/v1/query/video_generation?task_id=1", "wrong");

		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(body(missing).path("base_resp").path("status_code").asInt()).isEqualTo(1004);
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(body(wrong).path("base_resp").path("status_code").asInt()).isEqualTo(2049);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{'model':'T2V-02','prompt':'p'}                                   | model
			{'model':'T2V-01'}                                                | prompt
			{'model':'I2V-01','prompt':'p'}                                   | first_frame_image
			{'model':'I2V-01-live','first_frame_image':'ftp://x/a.png'}       | first_frame_image
			{'model':'S2V-01','prompt':'p'}                                   | subject_reference
			{'model':'S2V-01','prompt':'p','subject_reference':[]}            | subject_reference
			{'model':'T2V-01','prompt':'p','duration':10}                     | duration
			{'model':'MiniMax-Hailuo-02','prompt':'p','resolution':'720P'}    | resolution
			{'model':'T2V-01','prompt':'p','prompt_optimizer':'yes'}          | prompt_optimizer
			""")
	void refusesAnInvalidRequestWith2013NamingTheField(String request, String field) {
		HttpResponse<byte[]> answer = http.post(SUBMIT, request);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(body(answer).path("base_resp").path("status_code").asInt()).isEqualTo(2013);
		assertThat(body(answer).path("base_resp").path("status_msg").asString()).startsWith("invalid params, " + field);
	}

	@Test
	void refusesAPromptLongerThan2000Characters() {
		HttpResponse<byte[]> answer = http.post(SUBMIT, "{'model':'T2V-01','prompt':'" + "x".repeat(2001) + "'}");

		assertThat(body(answer).path("base_resp").path("status_msg").asString()).contains("prompt: at most 2000");
	}

	@Test
	void acceptsImageToVideoWithADataUrlAndSubjectReferences() {
		HttpResponse<byte[]> image = http.post(SUBMIT,
				"{'model':'I2V-01-Director','first_frame_image':'data:image/png;base64,iVBORw0KGgo='}");
		HttpResponse<byte[]> subject = http.post(SUBMIT,
				"{'model':'S2V-01','prompt':'p','subject_reference':[{'type':'character','image':['https://x/a.png']}]}");
		HttpResponse<byte[]> hailuo = http.post(SUBMIT,
				"{'model':'MiniMax-Hailuo-02','prompt':'p','duration':10,'resolution':'768P'}");

		for (HttpResponse<byte[]> answer : List.of(image, subject, hailuo)) {
			assertThat(body(answer).path("base_resp").path("status_code").asInt()).isZero();
			assertThat(body(answer).path("task_id").asString()).isNotEmpty();
		}
	}

	@Test
	void answersUnknownTasksAndFilesWith2013() {
		assertThat(query("123").path("base_resp").path("status_code").asInt()).isEqualTo(2013);
		assertThat(body(http.get("/v1/files/retrieve?file_id=42")).path("base_resp").path("status_code").asInt())
			.isEqualTo(2013);
		assertThat(body(http.get("/v1/files/retrieve?file_id=abc")).path("base_resp").path("status_msg").asString())
			.contains("file_id");
	}

	private static String submitFinished(String prompt) {
		String taskId = body(http.post(SUBMIT, "{'model':'T2V-01','prompt':'" + prompt + "'}")).path("task_id")
			.asString();
		SimulatorHttp.statusWords(() -> query(taskId).path("status").asString(), List.of("Success", "Fail"));
		return taskId;
	}

	private static JsonNode query(String taskId) {
		return body(http.get("/v1/query/video_generation?task_id=" + taskId));
	}

}
