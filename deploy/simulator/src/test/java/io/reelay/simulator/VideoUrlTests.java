package io.reelay.simulator;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.reelay.simulator.SimulatorHttp.body;
import static io.reelay.simulator.SimulatorHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The signed video URLs: they expire, refuse tampering, answer 404 before the job is done
 * and serve byte ranges.
 */
class VideoUrlTests {

	private static ProviderSimulator simulator;

	private static SimulatorHttp http;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
		http = new SimulatorHttp(simulator, "generic");
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void answersEveryProvidersUrlWith404UntilTheJobIsDone() {
		String id = create("a long one [sim:stuck]");
		HttpResponse<byte[]> answer = http.fetch(simulator.videoUrlOf(id));

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(text(answer)).contains("<Code>NoSuchKey</Code>");
		assertThat(simulator.tasks().downloadsOf(id)).isZero();
	}

	@Test
	void refusesATamperedSignatureOrExpiryWith403() {
		URI url = finishedUrl("tampered");
		// change the signature's first digit to another one: a fixed replacement would
		// leave one signature in sixteen unchanged
		int at = url.toString().indexOf("signature=") + "signature=".length();
		char first = url.toString().charAt(at);
		URI otherSignature = URI
			.create(url.toString().substring(0, at) + ((first == '0') ? '1' : '0') + url.toString().substring(at + 1));
		URI later = URI.create(url.toString().replaceAll("expires=(\\d+)", "expires=9$1"));
		URI unsigned = URI.create(url.toString().replaceAll("\\?.*", ""));

		for (URI forged : List.of(otherSignature, later, unsigned)) {
			HttpResponse<byte[]> answer = http.fetch(forged);
			assertThat(answer.statusCode()).as(forged.toString()).isEqualTo(403);
			assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/xml");
		}
		assertThat(http.fetch(url).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAnExpiredUrlWith403RequestHasExpired() throws Exception {
		try (ProviderSimulator shortLived = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(100))
			.withUrlTtl(Duration.ofSeconds(1)))) {
			SimulatorHttp tchavi = new SimulatorHttp(shortLived, "tchavi");
			String id = body(tchavi.post("/v1/videos/generations", "{'model':'seedance-2','prompt':'brief'}"))
				.path("id")
				.asString();
			String url = await().atMost(Duration.ofSeconds(10))
				.until(() -> body(tchavi.get("/v1/jobs/" + id)).path("output").path("video_url").asString(""),
						(found) -> !found.isEmpty());

			HttpResponse<byte[]> expired = await().atMost(Duration.ofSeconds(10))
				.until(() -> tchavi.fetch(URI.create(url)), (answer) -> answer.statusCode() != 200);

			assertThat(expired.statusCode()).isEqualTo(403);
			assertThat(text(expired)).contains("<Code>AccessDenied</Code>", "<Message>Request has expired</Message>");
		}
	}

	@Test
	void servesTheRestOfTheFileFromAnOffset() {
		String id = create("ranged");
		URI url = finished(id);
		byte[] whole = simulator.videoOf(id);

		HttpResponse<byte[]> rest = http.fetch(url, "Range", "bytes=1000-");
		HttpResponse<byte[]> middle = http.fetch(url, "Range", "bytes=10-19");
		HttpResponse<byte[]> tail = http.fetch(url, "Range", "bytes=-5");

		assertThat(rest.statusCode()).isEqualTo(206);
		assertThat(rest.headers().firstValue("Content-Range"))
			.hasValue("bytes 1000-" + (whole.length - 1) + "/" + whole.length);
		assertThat(rest.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));
		assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(whole, 10, 20));
		assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole, whole.length - 5, whole.length));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(3);
	}

	@Test
	void resumesOnlyTheVersionAnIfRangeNames() {
		String id = create("resumed");
		URI url = finished(id);
		byte[] whole = simulator.videoOf(id);
		HttpResponse<byte[]> first = http.fetch(url);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

		HttpResponse<byte[]> byEtag = http.fetch(url, "Range", "bytes=1000-", "If-Range", etag);
		HttpResponse<byte[]> byDate = http.fetch(url, "Range", "bytes=1000-", "If-Range", lastModified);
		HttpResponse<byte[]> otherVersion = http.fetch(url, "Range", "bytes=1000-", "If-Range", "\"another\"");

		assertThat(etag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
		assertThat(byEtag.statusCode()).isEqualTo(206);
		assertThat(byEtag.body()).isEqualTo(Arrays.copyOfRange(whole, 1000, whole.length));
		assertThat(byDate.statusCode()).isEqualTo(206);
		assertThat(otherVersion.statusCode()).isEqualTo(200);
		assertThat(otherVersion.body()).isEqualTo(whole);
	}

	@Test
	void answersARangePastTheEndWith416() {
		String id = create("past the end");
		URI url = finished(id);
		int size = simulator.videoOf(id).length;

		HttpResponse<byte[]> answer = http.fetch(url, "Range", "bytes=" + size + "-");

		assertThat(answer.statusCode()).isEqualTo(416);
		assertThat(answer.headers().firstValue("Content-Range")).hasValue("bytes */" + size);
	}

	@Test
	void advertisesRangesAndTheLengthOnAWholeDownloadAndOnHead() {
		String id = create("head");
		URI url = finished(id);

		HttpResponse<byte[]> whole = http.fetch(url);
		HttpResponse<byte[]> head = http
			.send(HttpRequest.newBuilder(url).method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(whole.body().length));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(1);
	}

	@Test
	void servesOpenAiContentInRangesToo() throws Exception {
		try (ProviderSimulator noDelay = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(100))
			.withContentDelay(Duration.ZERO))) {
			SimulatorHttp openai = new SimulatorHttp(noDelay, "openai");
			String id = body(openai.post("/v1/videos", "{'model':'sora-2','prompt':'ranged'}")).path("id").asString();
			HttpResponse<byte[]> rest = await().atMost(Duration.ofSeconds(10))
				.until(() -> openai.send(HttpRequest.newBuilder(openai.url("/v1/videos/" + id + "/content"))
					.header("Authorization", "Bearer " + noDelay.apiKey())
					.header("Range", "bytes=100-")), (answer) -> answer.statusCode() == 206);
			byte[] whole = noDelay.videoOf(id);

			assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(whole, 100, whole.length));
		}
	}

	@Test
	void servesAnHtmlPageForTheNotMp4Marker() {
		URI url = finishedUrl("a trick [sim:not-mp4]");
		HttpResponse<byte[]> answer = http.fetch(url);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html");
	}

	private static String create(String prompt) {
		return body(http.post("/v1/videos/generations", "{'model':'m','prompt':'" + prompt + "'}")).path("id")
			.asString();
	}

	private static URI finishedUrl(String prompt) {
		return finished(create(prompt));
	}

	private static URI finished(String id) {
		return URI.create(await().atMost(Duration.ofSeconds(10))
			.until(() -> body(http.get("/v1/videos/generations/" + id)).path("video_url").asString(""),
					(url) -> !url.isEmpty()));
	}

}
