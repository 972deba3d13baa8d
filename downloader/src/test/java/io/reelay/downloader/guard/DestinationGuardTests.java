package io.reelay.downloader.guard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import io.reelay.event.FailureCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DestinationGuardTests {

	private static TrapListener trap;

	private final StubResolver dns = HostileUrls.resolver();

	private final DestinationGuard guard = new DestinationGuard(List.of(), this.dns);

	@BeforeAll
	static void openTrap() throws Exception {
		trap = TrapListener.start();
	}

	@AfterAll
	static void closeTrap() throws Exception {
		trap.close();
	}

	@ParameterizedTest(name = "{0}")
	@FieldSource("io.reelay.downloader.guard.HostileUrls#TEMPLATES")
	void refusesHostileUrls(String template) {
		URI uri = HostileUrls.at(template, trap.port());
		UnsafeDestinationException refusal = catchThrowableOfType(UnsafeDestinationException.class,
				() -> this.guard.check(uri));
		assertThat(refusal).as("refusal of %s", uri).isNotNull();
		assertThat(refusal.code()).isEqualTo(FailureCode.UNSAFE_URL);
		assertThat(refusal.retryable()).isFalse();
		if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
			assertThat(refusal.getMessage()).doesNotContain(uri.getRawPath());
		}
		if (uri.getRawUserInfo() != null) {
			assertThat(refusal.getMessage()).doesNotContain(uri.getRawUserInfo());
		}
	}

	@Test
	void hasAtLeastFortyHostileUrls() {
		assertThat(HostileUrls.TEMPLATES).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
	}

	@Test
	void letsAPublicNameThroughWithTheAddressesItChecked() throws Exception {
		CheckedDestination destination = this.guard.check(URI.create("https://public.test/v.mp4?sig=abc"));
		assertThat(destination.uri()).isEqualTo(URI.create("https://public.test/v.mp4?sig=abc"));
		assertThat(destination.addresses()).containsExactly(InetAddress.getByName("203.0.113.10"));
		assertThat(destination.origin()).isEqualTo("https://public.test:443");
	}

	@Test
	void letsPublicAddressesThroughHoweverTheyAreWritten() throws Exception {
		InetAddress expected = InetAddress.getByName("203.0.113.10");
		for (String host : List.of("203.0.113.10", "3405803786", "0xcb.0x0.0x71.0xa", "[::ffff:203.0.113.10]")) {
			assertThat(this.guard.check(URI.create("http://" + host + "/")).addresses()).as(host)
				.containsExactly(expected);
		}
		assertThat(this.guard.check(URI.create("http://[2606:4700::1111]/")).addresses())
			.containsExactly(InetAddress.getByName("2606:4700::1111"));
		assertThat(this.guard.check(URI.create("http://[64:ff9b::203.0.113.10]/")).addresses())
			.containsExactly(InetAddress.getByName("64:ff9b::cb00:710a"));
	}

	@Test
	void refusesANumericHostThatResolversReadAsDifferentAddresses() {
		// 010 is 10 to the JDK and 8 to glibc: both public readings here, yet ambiguous
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://011.8.8.8/")))
			.withMessageContaining("11.8.8.8 or 9.8.8.8");
	}

	@Test
	void explainsARefusalWithoutTheQueryOrUserInfo() {
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://127.0.0.1:8080/v.mp4?X-Amz-Signature=s3cr3t")))
			.withMessage("the download URL http://127.0.0.1:8080 leads to 127.0.0.1, a loopback address; "
					+ "Reelay does not connect to internal addresses (reelay.downloader.allowed-hosts lists exceptions)");
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("https://key:s3cr3t@cdn.test/v.mp4?token=s3cr3t")))
			.withMessage("the download URL https://cdn.test:443 carries a user name or password; "
					+ "Reelay does not send credentials inside URLs");
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("file:///home/reelay/s3cr3t")))
			.withMessage("the download URL uses the scheme 'file'; Reelay only downloads over http and https");
	}

	@Test
	void namesTheAddressADnsNameLeadsToAndWhy() {
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://mixed.test/v.mp4?sig=s3cr3t")))
			.withMessageStartingWith("the download URL http://mixed.test:80 leads to 10.0.0.7, a private address;")
			.withMessageNotContaining("s3cr3t");
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://v6mapped.test/")))
			.withMessageContaining("an IPv4-mapped form of 127.0.0.1, a loopback address");
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://metadata.google.internal/")))
			.withMessageContaining("names metadata.google.internal, a host that is always internal");
	}

	@Test
	void refusesMetadataNamesBeforeAskingDns() {
		assertThatExceptionOfType(UnsafeDestinationException.class)
			.isThrownBy(() -> this.guard.check(URI.create("http://Metadata.Google.Internal./")));
		assertThat(this.dns.lookups("metadata.google.internal")).isZero();
	}

	@Test
	void letsADnsFailureThroughAsAnIoExceptionToRetry() {
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> this.guard.check(URI.create("https://nowhere.test/v.mp4")))
			.isNotInstanceOf(UnsafeDestinationException.class);
	}

	@Test
	void asksDnsOncePerCheck() throws Exception {
		this.guard.check(URI.create("https://public.test/a"));
		this.guard.check(URI.create("https://public.test/b"));
		assertThat(this.dns.lookups("public.test")).isEqualTo(2);
	}

	@Test
	void refusesANameThatRebindsToLoopbackOnTheNextLookup() throws Exception {
		StubResolver rebinding = new StubResolver().rebind("rebind.test", "203.0.113.10", "127.0.0.1");
		DestinationGuard guard = new DestinationGuard(List.of(), rebinding);
		URI uri = URI.create("http://rebind.test:" + trap.port() + "/");
		assertThat(guard.check(uri).addresses()).containsExactly(InetAddress.getByName("203.0.113.10"));
		assertThatExceptionOfType(UnsafeDestinationException.class).isThrownBy(() -> guard.check(uri))
			.withMessageContaining("127.0.0.1, a loopback address");
	}

}
