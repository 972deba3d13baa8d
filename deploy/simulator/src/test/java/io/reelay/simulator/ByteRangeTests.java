package io.reelay.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which bytes a {@code Range} header asks for, of a 100-byte file. */
class ByteRangeTests {

	@ParameterizedTest
	@CsvSource({ "bytes=10-, 10, 99", "bytes=10-19, 10, 19", "bytes=90-200, 90, 99", "bytes=-5, 95, 99",
			"bytes=-500, 0, 99", "bytes=0-0, 0, 0" })
	void readsTheRangeAsked(String header, long first, long last) {
		assertThat(ByteRange.parse(header, 100)).isEqualTo(new ByteRange(first, last));
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=20-10", "bytes=0-1,5-6", "items=0-5", "bytes=a-", "bytes=-" })
	void ignoresARangeItCannotServeAsOnePiece(String header) {
		assertThat(ByteRange.parse(header, 100)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "bytes=100-", "bytes=-0" })
	void findsARangePastTheEndUnsatisfiable(String header) {
		assertThat(ByteRange.parse(header, 100).satisfiable(100)).isFalse();
	}

}
