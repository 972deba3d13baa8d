package io.reelay.simulator.openai;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

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

/**
 * What the OpenAI-compatible gateway accepts in a creation, and how it refuses the rest.
 */
class OpenAiValidationTests {

	private static final String VEO = "veo-3.1-fast-generate-preview";

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests());
		http = new SimulatorHttp(simulator, "openai");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void refusesANumericDurationTheWayTheGatewayDecodesIt() {
		HttpResponse<byte[]> answer = http.post("/v1/videos", "{'model':'" + VEO + "','prompt':'p','duration':8}");
		JsonNode error = body(answer).path("error");

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(error.path("code").asString()).isEqualTo("parse_request_failed");
		assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
		assertThat(error.path("message").asString())
			.startsWith("parse_request_failed: cannot unmarshal number into Go struct field")
			.endsWith("duration of type string");
	}

	@Test
	void refusesANumericSecondsToo() {
		HttpResponse<byte[]> answer = http.post("/v1/videos", "{'model':'" + VEO + "','prompt':'p','seconds':4}");

		assertThat(body(answer).path("error").path("message").asString()).contains("seconds of type string");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{'model':'VEO','prompt':'p','generateAudio':true}
			{'model':'VEO','prompt':'p','metadata':{'generateAudio':false}}
			""")
	void refusesGenerateAudioAnywhereWithInvalidArgument(String request) {
		HttpResponse<byte[]> answer = http.post("/v1/videos", request.replace("VEO", VEO));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("error").path("code").asString()).isEqualTo("INVALID_ARGUMENT");
		assertThat(body(answer).path("error").path("message").asString()).contains("INVALID_ARGUMENT");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{'model':'VEO','prompt':'p','size':'1920x1080','duration':'4'} | 400
			{'model':'VEO','prompt':'p','metadata':{'resolution':'4k'},'duration':'6'} | 400
			{'model':'VEO','prompt':'p','metadata':{'resolution':'1080p','durationSeconds':4}} | 400
			{'model':'VEO','prompt':'p','size':'1920x1080','duration':'8'} | 200
			{'model':'VEO','prompt':'p','metadata':{'resolution':'4k'}} | 200
			{'model':'VEO','prompt':'p','size':'1920x1080','metadata':{'resolution':'720p'},'duration':'4'} | 200
			""")
	void needsEightSecondsAt1080pAnd4k(String request, int status) {
		HttpResponse<byte[]> answer = http.post("/v1/videos", request.replace("VEO", VEO));

		assertThat(answer.statusCode()).isEqualTo(status);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{'prompt':'p'}                                    | model
			{'model':'veo-2','prompt':'p'}                    | model
			{'model':'VEO'}                                   | prompt
			{'model':'VEO','prompt':'p','duration':'5'}       | duration
			{'model':'VEO','prompt':'p','size':'640x480'}     | size
			{'model':'VEO','prompt':'p','metadata':{'aspectRatio':'1:1'}} | metadata.aspectRatio
			{'model':'sora-2','prompt':'p','seconds':'6'}     | seconds
			""")
	void refusesAnInvalidRequestNamingTheParameter(String request, String param) {
		HttpResponse<byte[]> answer = http.post("/v1/videos", request.replace("VEO", VEO));

		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(body(answer).path("error").path("param").asString()).isEqualTo(param);
	}

	@Test
	void acceptsOpenAiOwnModelsAndFields() {
		HttpResponse<byte[]> answer = http.post("/v1/videos",
				"{'model':'sora-2-pro','prompt':'p','seconds':'12','size':'1792x1024'}");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(body(answer).path("seconds").asString()).isEqualTo("12");
		assertThat(body(answer).path("size").asString()).isEqualTo("1792x1024");
	}

	@Test
	void acceptsAMultipartRequestWithOneInputReference() {
		String boundary = "sim-boundary";
		String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\n" + VEO + "\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"prompt\"\r\n\r\nA paper boat\r\n" + "--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"duration\"\r\n\r\n6\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"boat.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n\u0089PNG-not-really\r\n--" + boundary + "--\r\n";
		HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(http.url("/v1/videos"))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.ISO_8859_1)));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(body(answer).path("seconds").asString()).isEqualTo("6");
		assertThat(simulator.received("openai").get(simulator.received("openai").size() - 1).contentType())
			.startsWith("multipart/form-data");
	}

}
