package io.reelay.downloader.guard;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AllowedHostsTests {

	private final StubResolver dns = new StubResolver().answer("localhost", "127.0.0.1")
		.answer("simulator", "172.18.0.5");

	@Test
	void anEntryWithAPortLetsOnlyThatPortThrough() throws Exception {
		DestinationGuard guard = new DestinationGuard(List.of("127.0.0.1:8089"), this.dns);
		assertThat(guard.check(URI.create("http://127.0.0.1:8089/videos/1.mp4")).addresses())
			.containsExactly(InetAddress.getByName("127.0.0.1"));
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8090/")));
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://127.0.0.1/")));
	}

	@Test
	void anEntryWithoutAPortLetsEveryPortOfThatHostThrough() throws Exception {
		DestinationGuard guard = new DestinationGuard(List.of("localhost"), this.dns);
		assertThat(guard.check(URI.create("http://localhost:8089/")).addresses()).hasSize(1);
		assertThat(guard.check(URI.create("https://LocalHost.:9443/")).addresses()).hasSize(1);
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8089/")));
	}

	@Test
	void anAllowlistedHostStillNeedsHttpOrHttps() {
		DestinationGuard guard = new DestinationGuard(List.of("localhost", "127.0.0.1:21"), this.dns);
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("ftp://localhost/video.mp4")));
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("ftp://127.0.0.1:21/video.mp4")));
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://user:pw@localhost/video.mp4")));
	}

	@Test
	void matchesIpv6EntriesInAnyNotation() throws Exception {
		DestinationGuard guard = new DestinationGuard(List.of("[::1]:8080", "[FD00::5]"), this.dns);
		assertThat(guard.check(URI.create("http://[0:0:0:0:0:0:0:1]:8080/")).addresses())
			.containsExactly(InetAddress.getByName("::1"));
		assertThat(guard.check(URI.create("http://[fd00:0::5]:1234/")).addresses()).hasSize(1);
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://[::1]:8081/")));
	}

	@Test
	void aNamedEntryReachesAnInternalAddressByName() throws Exception {
		DestinationGuard guard = new DestinationGuard(List.of("simulator:8089"), this.dns);
		assertThat(guard.check(URI.create("http://simulator:8089/v.mp4")).addresses())
			.containsExactly(InetAddress.getByName("172.18.0.5"));
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://172.18.0.5:8089/v.mp4")));
	}

	@Test
	void ignoresBlankEntries() {
		DestinationGuard guard = new DestinationGuard(List.of("", "  "), this.dns);
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> guard.check(URI.create("http://localhost/")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "localhost:0", "localhost:http", "localhost:70000", "::1", "[::1",
			"[::1]8080", "bad host", "user@localhost" })
	void refusesEntriesItCannotRead(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> new DestinationGuard(List.of(entry), this.dns))
			.withMessageContaining(entry);
	}

}
