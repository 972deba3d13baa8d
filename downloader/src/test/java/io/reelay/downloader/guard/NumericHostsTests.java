package io.reelay.downloader.guard;

import java.net.Inet4Address;
import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NumericHostsTests {

	@ParameterizedTest(name = "{0} means {1}")
	@CsvSource({ "127.0.0.1, 127.0.0.1", "127.1, 127.0.0.1", "127.0.1, 127.0.0.1", "2130706433, 127.0.0.1",
			"0x7f000001, 127.0.0.1", "0x7f.1, 127.0.0.1", "0X7F.0.0.0x1, 127.0.0.1", "017700000001, 127.0.0.1",
			"0, 0.0.0.0", "0x, 0.0.0.0", "10.1.65535, 10.1.255.255", "4294967295, 255.255.255.255" })
	void readsEachSpellingAsOneAddress(String host, String address) throws Exception {
		assertThat(NumericHosts.isNumeric(host)).isTrue();
		assertThat(NumericHosts.readings(host)).containsExactly(address(address));
	}

	@Test
	void readsLeadingZerosAsBothTheJdkAndGlibcDo() throws Exception {
		assertThat(NumericHosts.readings("0177.0.0.1")).containsExactlyInAnyOrder(address("177.0.0.1"),
				address("127.0.0.1"));
		assertThat(NumericHosts.readings("010.0.0.1")).containsExactlyInAnyOrder(address("10.0.0.1"),
				address("8.0.0.1"));
		assertThat(NumericHosts.readings("08.0.0.1")).containsExactly(address("8.0.0.1"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "256.0.0.1", "1.2.3.4.5", "4294967296", "1.16777216", "0x100.1", "1.2.3.256",
			"99999999999999999999" })
	void readsNothingFromNumbersOutOfRange(String host) {
		assertThat(NumericHosts.isNumeric(host)).isTrue();
		assertThat(NumericHosts.readings(host)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "127.0.0.1.nip.io", "0x7f.example", "deadbeef", "1e3", "127..1", "a1.2" })
	void leavesNamesToDns(String host) {
		assertThat(NumericHosts.isNumeric(host)).isFalse();
	}

	private static Inet4Address address(String literal) throws Exception {
		return (Inet4Address) InetAddress.getByName(literal);
	}

}
