package io.reelay.downloader.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import io.reelay.downloader.guard.DestinationGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoFetcherRequestTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	private LocalHttpServer server;

	private VideoFetcher fetcher;

	@BeforeEach
	void start() throws Exception {
		this.server = new LocalHttpServer();
		this.fetcher = new VideoFetcher(new FetchSettings(Duration.ofSeconds(5), Duration.ofMillis(500), 3),
				new DestinationGuard(List.of("127.0.0.1:" + this.server.port())), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void stop() {
		this.fetcher.close();
		this.server.close();
	}

	@Test
	void asksForTheRestOfTheFileFromAnOffsetIfItIsStillTheSame() throws Exception {
		this.server.answer("/v.mp4", 206, "x");
		get("/v.mp4", Map.of(), 1000, "\"etag-1\"").close();
		LocalHttpServer.Received request = this.server.received("/v.mp4").get(0);
		assertThat(request.header("Range")).isEqualTo("bytes=1000-");
		assertThat(request.header("If-Range")).isEqualTo("\"etag-1\"");
	}

	@Test
	void sendsARangeWithoutIfRangeWhenThereIsNoValidator() throws Exception {
		this.server.answer("/v.mp4", 206, "x");
		get("/v.mp4", Map.of(), 0, null).close();
		assertThat(this.server.received("/v.mp4").get(0).header("Range")).isEqualTo("bytes=0-");
		assertThat(this.server.received("/v.mp4").get(0).header("If-Range")).isNull();
	}

	@Test
	void asksForTheWholeFileWhenNoOffsetIsGiven() throws Exception {
		this.server.answer("/v.mp4", 200, "x");
		get("/v.mp4", Map.of(), -1, "\"etag-1\"").close();
		assertThat(this.server.received("/v.mp4").get(0).header("Range")).isNull();
		assertThat(this.server.received("/v.mp4").get(0).header("If-Range")).isNull();
	}

	@Test
	void alwaysAsksForTheBytesAsTheyAreAndNeverUnzipsThem() throws Exception {
		byte[] gzipped = gzip("not a video");
		this.server.answer("/v.mp4", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			LocalHttpServer.send(exchange, 200, gzipped);
		});
		try (FetchResponse response = get("/v.mp4", Map.of("Accept-Encoding", "gzip", "Range", "bytes=5-"), -1, null)) {
			assertThat(response.body().readAllBytes()).isEqualTo(gzipped);
			assertThat(response.contentLength()).isEqualTo(gzipped.length);
		}
		LocalHttpServer.Received request = this.server.received("/v.mp4").get(0);
		assertThat(request.header("Accept-Encoding")).isEqualTo("identity");
		assertThat(request.header("Range")).isNull();
	}

	@Test
	void readsWhatAPartialAnswerSaysAboutTheFile() throws Exception {
		this.server.answer("/v.mp4", 206, "0123456789", "Content-Range", "bytes 100-109/1000", "ETag", "W/\"abc\"",
				"Last-Modified", "Tue, 31 Dec 2029 10:00:00 GMT", "Accept-Ranges", "bytes", "Content-Type",
				"video/mp4");
		try (FetchResponse response = get("/v.mp4", Map.of(), 100, null)) {
			assertThat(response.status()).isEqualTo(206);
			assertThat(response.contentLength()).isEqualTo(10);
			assertThat(response.contentRange()).isEqualTo(new ContentRange(100, 109, 1000));
			assertThat(response.etag()).isEqualTo("W/\"abc\"");
			assertThat(response.lastModified()).isEqualTo("Tue, 31 Dec 2029 10:00:00 GMT");
			assertThat(response.acceptsRanges()).isTrue();
			assertThat(response.contentType()).isEqualTo("video/mp4");
			assertThat(response.retryAfter()).isNull();
		}
	}

	@Test
	void knowsWhenTheServerDoesNotAnnounceALengthOrRanges() throws Exception {
		this.server.answer("/v.mp4", (exchange) -> {
			exchange.getResponseHeaders().add("Accept-Ranges", "none");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("chunked".getBytes(StandardCharsets.US_ASCII));
			}
		});
		try (FetchResponse response = get("/v.mp4", Map.of(), -1, null)) {
			assertThat(response.contentLength()).isEqualTo(-1);
			assertThat(response.acceptsRanges()).isFalse();
			assertThat(response.contentRange()).isNull();
		}
	}

	@Test
	void readsRetryAfterInSecondsOrAsAnHttpDate() throws Exception {
		this.server.answer("/seconds", 503, "", "Retry-After", "120");
		this.server.answer("/date", 429, "", "Retry-After", "Tue, 01 Jan 2030 00:02:30 GMT");
		this.server.answer("/past", 503, "", "Retry-After", "Mon, 31 Dec 2029 23:00:00 GMT");
		this.server.answer("/junk", 503, "", "Retry-After", "soon");
		assertThat(retryAfter("/seconds")).isEqualTo(Duration.ofSeconds(120));
		assertThat(retryAfter("/date")).isEqualTo(Duration.ofSeconds(150));
		assertThat(retryAfter("/past")).isEqualTo(Duration.ZERO);
		assertThat(retryAfter("/junk")).isNull();
	}

	@Test
	void returnsA404WithItsBodyInsteadOfThrowing() throws Exception {
		this.server.answer("/gone.mp4", 404, "{\"error\":\"no such video\"}");
		try (FetchResponse response = get("/gone.mp4", Map.of(), -1, null)) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.bodySnippet(200)).isEqualTo("{\"error\":\"no such video\"}");
		}
	}

	@Test
	void keepsOnlyPrintableTextInABodySnippet() throws Exception {
		this.server.answer("/forged", 403, "denied\r\n2030-01-01 INFO forged\u202Eline\u0000\u0007 end of a long text");
		try (FetchResponse response = get("/forged", Map.of(), -1, null)) {
			assertThat(response.bodySnippet(44)).isEqualTo("denied 2030-01-01 INFO forgedline end...");
		}
	}

	@Test
	void sendsNoCookiesBack() throws Exception {
		this.server.answer("/v.mp4", 200, "x", "Set-Cookie", "session=abc; Path=/");
		get("/v.mp4", Map.of(), -1, null).close();
		get("/v.mp4", Map.of(), -1, null).close();
		assertThat(this.server.received()).extracting((request) -> request.header("Cookie"))
			.containsExactly(null, null);
	}

	@Test
	void failsABodyThatStallsLongerThanTheReadTimeout() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			Thread server = new Thread(() -> sendTenBytesThenStall(stalling, release));
			server.setDaemon(true);
			server.start();
			VideoFetcher fetcher = new VideoFetcher(new FetchSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 0),
					new DestinationGuard(List.of("127.0.0.1:" + stalling.getLocalPort())));
			try (fetcher;
					FetchResponse response = fetcher.get(
							URI.create("http://127.0.0.1:" + stalling.getLocalPort() + "/v.mp4"), Map.of(), -1, null)) {
				InputStream body = response.body();
				assertThat(body.readNBytes(10)).hasSize(10);
				assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(body::read);
			}
			finally {
				release.countDown();
			}
		}
	}

	/** Announces 1000 bytes, sends 10, and holds the connection open. */
	private static void sendTenBytesThenStall(ServerSocket server, CountDownLatch release) {
		try (Socket socket = server.accept()) {
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			release.await(30, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// the test failed to connect; its assertions say so
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Duration retryAfter(String path) throws IOException {
		try (FetchResponse response = get(path, Map.of(), -1, null)) {
			return response.retryAfter();
		}
	}

	private FetchResponse get(String path, Map<String, String> headers, long rangeStart, String ifRange)
			throws IOException {
		return this.fetcher.get(URI.create(this.server.url(path)), headers, rangeStart, ifRange);
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
			zip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
