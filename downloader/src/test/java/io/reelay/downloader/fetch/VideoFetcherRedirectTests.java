package io.reelay.downloader.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.downloader.guard.StubResolver;
import io.reelay.downloader.guard.TrapListener;
import io.reelay.downloader.guard.UnsafeDestinationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VideoFetcherRedirectTests {

	private static final Map<String, String> CREDENTIALS = Map.of("Authorization", "Bearer s3cr3t", "X-Api-Key", "k3y");

	private TrapListener trap;

	private LocalHttpServer server;

	private StubResolver dns;

	private VideoFetcher fetcher;

	@BeforeEach
	void start() throws Exception {
		this.trap = TrapListener.start();
		this.server = new LocalHttpServer();
		this.server.answer("/video.mp4", 200, "....ftypisom");
		// the same server under a second origin, reachable only through the test's DNS
		this.dns = new StubResolver().answer("video.test", "127.0.0.1");
		this.fetcher = fetcher(3, Duration.ofSeconds(5), "127.0.0.1:" + this.server.port(),
				"video.test:" + this.server.port());
	}

	@AfterEach
	void stop() throws Exception {
		this.fetcher.close();
		this.server.close();
		this.trap.close();
	}

	@Test
	void followsARelativeRedirectThatStaysOnTheAllowlistedServer() throws Exception {
		this.server.redirect("/files/latest", 302, "../video.mp4");
		try (FetchResponse response = get("/files/latest")) {
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.url()).isEqualTo(URI.create(this.server.url("/video.mp4")));
			assertThat(new String(response.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("....ftypisom");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 301, 302, 303, 307, 308 })
	void followsEveryRedirectStatusWithAGet(int status) throws Exception {
		this.server.redirect("/moved", status, "/video.mp4");
		try (FetchResponse response = get("/moved")) {
			assertThat(response.status()).isEqualTo(200);
		}
		assertThat(this.server.received("/video.mp4")).singleElement()
			.satisfies((request) -> assertThat(request.method()).isEqualTo("GET"));
	}

	@Test
	void returnsARedirectWithoutLocationAsItIs() throws Exception {
		this.server.answer("/nowhere", 302, "");
		try (FetchResponse response = get("/nowhere")) {
			assertThat(response.status()).isEqualTo(302);
		}
	}

	@Test
	void refusesARedirectToAnotherPortOfTheAllowlistedHost() {
		this.server.redirect("/elsewhere", 302, "http://127.0.0.1:" + this.trap.port() + "/latest/meta-data/");
		assertThatExceptionOfType(UnsafeDestinationException.class).isThrownBy(() -> get("/elsewhere"))
			.withMessage("after a redirect from http://127.0.0.1:" + this.server.port() + ", the download URL "
					+ "http://127.0.0.1:" + this.trap.port() + " leads to 127.0.0.1, a loopback address; Reelay does "
					+ "not connect to internal addresses (reelay.downloader.allowed-hosts lists exceptions)");
		assertThat(this.trap.connections()).isEmpty();
	}

	@Test
	void refusesARedirectToTheTrapInEverySpelling() {
		int port = this.trap.port();
		for (String location : List.of("http://127.1:" + port + "/", "http://0x7f000001:" + port + "/",
				"http://[::ffff:127.0.0.1]:" + port + "/", "//localhost:" + port + "/", "http://2130706433:" + port,
				"HTTP://LOCALHOST.:" + port + "/", "http:\\\\127.0.0.1:" + port + "/", " http://127.0.0.1:" + port)) {
			this.server.redirect("/spelling", 302, location);
			assertThatExceptionOfType(UnsafeDestinationException.class).as(location)
				.isThrownBy(() -> get("/spelling"))
				.withMessageContaining("127.0.0.1");
		}
		assertThat(this.trap.connections()).isEmpty();
	}

	@Test
	void refusesARedirectToAFileUrl() {
		this.server.redirect("/local", 302, "file:///etc/passwd");
		assertThatExceptionOfType(UnsafeDestinationException.class).isThrownBy(() -> get("/local"))
			.withMessage("after a redirect from http://127.0.0.1:" + this.server.port()
					+ ", the download led to a URL with the scheme 'file'; Reelay only downloads over http and https");
	}

	@Test
	void stopsARedirectLoopAfterMaxRedirects() {
		this.server.redirect("/loop", 302, "/loop");
		assertThatExceptionOfType(UnsafeDestinationException.class).isThrownBy(() -> get("/loop"))
			.withMessage("the download was redirected more than 3 times (the last by http://127.0.0.1:"
					+ this.server.port() + "); Reelay follows no more");
		assertThat(this.server.received("/loop")).hasSize(4);
	}

	@Test
	void followsExactlyMaxRedirects() throws Exception {
		this.server.redirect("/r1", 302, "/r2").redirect("/r2", 302, "/r3").redirect("/r3", 302, "/video.mp4");
		try (FetchResponse response = get("/r1")) {
			assertThat(response.status()).isEqualTo(200);
		}
	}

	@Test
	void sendsTheCallersHeadersToTheFirstOriginOnly() throws Exception {
		this.server.redirect("/start", 302, "http://video.test:" + this.server.port() + "/video.mp4");
		try (FetchResponse response = get("/start")) {
			assertThat(response.status()).isEqualTo(200);
		}
		assertThat(this.server.received("/start").get(0).header("Authorization")).isEqualTo("Bearer s3cr3t");
		assertThat(this.server.received("/start").get(0).header("X-Api-Key")).isEqualTo("k3y");
		LocalHttpServer.Received video = this.server.received("/video.mp4").get(0);
		assertThat(video.header("Host")).isEqualTo("video.test:" + this.server.port());
		assertThat(video.header("Authorization")).isNull();
		assertThat(video.header("X-Api-Key")).isNull();
		assertThat(video.header("Accept-Encoding")).isEqualTo("identity");
	}

	@Test
	void keepsTheCallersHeadersOnARedirectWithinTheOrigin() throws Exception {
		this.server.redirect("/start", 302, this.server.url("/video.mp4"));
		get("/start").close();
		assertThat(this.server.received()).extracting((request) -> request.header("Authorization"))
			.containsExactly("Bearer s3cr3t", "Bearer s3cr3t");
	}

	@Test
	void neverSendsTheCallersHeadersAgainOnceARedirectLeftTheOrigin() throws Exception {
		this.server.redirect("/start", 302, "http://video.test:" + this.server.port() + "/bounce");
		this.server.redirect("/bounce", 302, this.server.url("/video.mp4"));
		get("/start").close();
		assertThat(this.server.received()).extracting((request) -> request.header("Authorization"))
			.containsExactly("Bearer s3cr3t", null, null);
	}

	@Test
	void resolvesOncePerHopAndConnectsToTheCheckedAddress() throws Exception {
		// video.test exists only in the stub: reaching the server proves OkHttp used the
		// checked addresses and no DNS of its own
		this.server.redirect("/a", 302, "/video.mp4");
		try (FetchResponse response = this.fetcher.get(URI.create("http://video.test:" + this.server.port() + "/a"),
				Map.of(), -1, null)) {
			assertThat(response.status()).isEqualTo(200);
		}
		assertThat(this.dns.lookups("video.test")).isEqualTo(2);
	}

	@Test
	void aNameThatRebindsAfterTheCheckNeverReachesTheTrap() {
		// checked as a public test-net address, then DNS would say 127.0.0.1
		this.dns.rebind("rebind.test", "198.51.100.7", "127.0.0.1");
		try (VideoFetcher quick = fetcher(3, Duration.ofMillis(300), "127.0.0.1:" + this.server.port())) {
			assertThatExceptionOfType(IOException.class).isThrownBy(
					() -> quick.get(URI.create("http://rebind.test:" + this.trap.port() + "/"), Map.of(), -1, null)
						.close());
		}
		assertThat(this.dns.lookups("rebind.test")).isEqualTo(1);
		assertThat(this.trap.connections()).isEmpty();
	}

	private FetchResponse get(String path) throws IOException {
		return this.fetcher.get(URI.create(this.server.url(path)), CREDENTIALS, -1, null);
	}

	private VideoFetcher fetcher(int maxRedirects, Duration connectTimeout, String... allowed) {
		return new VideoFetcher(new FetchSettings(connectTimeout, Duration.ofSeconds(5), maxRedirects),
				new DestinationGuard(List.of(allowed), this.dns));
	}

}
