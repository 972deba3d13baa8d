package io.reelay.downloader.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PinnedDnsTests {

	private final List<InetAddress> checked = List.of(address("203.0.113.10"), address("2001:db8::10"));

	@Test
	void answersWithExactlyTheCheckedAddresses() throws Exception {
		PinnedDns dns = new PinnedDns("cdn.example.com", this.checked);
		assertThat(dns.lookup("cdn.example.com")).containsExactlyElementsOf(this.checked);
		assertThat(dns.lookup("CDN.example.com.")).containsExactlyElementsOf(this.checked);
	}

	@Test
	void knowsNoOtherHost() {
		PinnedDns dns = new PinnedDns("cdn.example.com", this.checked);
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> dns.lookup("localhost"));
	}

	@Test
	void equalsAnotherForTheSameHostAndAddressesSoConnectionsArePooled() {
		assertThat(new PinnedDns("cdn.example.com", this.checked))
			.isEqualTo(new PinnedDns("CDN.example.com", this.checked))
			.isNotEqualTo(new PinnedDns("cdn.example.com", List.of(address("127.0.0.1"))));
	}

	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
