package io.reelay.downloader.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.downloader.guard.HostileUrls;
import io.reelay.downloader.guard.TrapListener;
import io.reelay.downloader.guard.UnsafeDestinationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every hostile URL, given directly or as a redirect from an allowlisted server, is
 * refused before any connection: the trap on 127.0.0.1 must see nothing.
 */
class VideoFetcherHostileTests {

	private static final Map<String, String> CREDENTIALS = Map.of("Authorization", "Bearer s3cr3t");

	/**
	 * In a Location, "http:host:port/" without slashes is a path relative to the
	 * redirecting URL, as browsers read it; it is tested on its own below.
	 */
	private static final String RELATIVE_IN_A_LOCATION = "http:127.0.0.1:{trap}/";

	static final List<String> REDIRECT_TARGETS = HostileUrls.TEMPLATES.stream()
		.filter((template) -> !template.equals(RELATIVE_IN_A_LOCATION))
		.toList();

	private static TrapListener trap;

	private static LocalHttpServer server;

	private VideoFetcher fetcher;

	@BeforeAll
	static void start() throws Exception {
		trap = TrapListener.start();
		server = new LocalHttpServer();
	}

	@AfterAll
	static void stop() throws Exception {
		trap.close();
		server.close();
	}

	@AfterEach
	void closeFetcher() {
		if (this.fetcher != null) {
			this.fetcher.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("io.reelay.downloader.guard.HostileUrls#TEMPLATES")
	void refusesAHostileUrlWithoutConnecting(String template) {
		URI uri = HostileUrls.at(template, trap.port());
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> fetcher().get(uri, CREDENTIALS, 0, "\"v1\""));
		assertThat(trap.connections()).isEmpty();
	}

	@ParameterizedTest(name = "302 to {0}")
	@FieldSource("REDIRECT_TARGETS")
	void refusesARedirectToAHostileUrlWithoutConnecting(String template) {
		String path = "/hop-" + Integer.toHexString(template.hashCode());
		server.redirect(path, 302, HostileUrls.at(template, trap.port()).toString());
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> fetcher().get(URI.create(server.url(path)), CREDENTIALS, -1, null))
			.withMessageStartingWith("after a redirect from http://127.0.0.1:" + server.port() + ", ");
		assertThat(server.received(path)).hasSize(1);
		assertThat(trap.connections()).isEmpty();
	}

	@Test
	void readsASchemeWithoutSlashesInALocationAsAPathOnTheSameServer() throws Exception {
		assertThat(HostileUrls.TEMPLATES).contains(RELATIVE_IN_A_LOCATION);
		server.redirect("/slashless", 302, HostileUrls.at(RELATIVE_IN_A_LOCATION, trap.port()).toString());
		try (FetchResponse response = fetcher().get(URI.create(server.url("/slashless")), CREDENTIALS, -1, null)) {
			assertThat(response.url()).isEqualTo(URI.create(server.url("/127.0.0.1:" + trap.port() + "/")));
			assertThat(response.status()).isEqualTo(404);
		}
		assertThat(trap.connections()).isEmpty();
	}

	private VideoFetcher fetcher() {
		DestinationGuard guard = new DestinationGuard(List.of("127.0.0.1:" + server.port()), HostileUrls.resolver());
		this.fetcher = new VideoFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 5), guard);
		return this.fetcher;
	}

}
