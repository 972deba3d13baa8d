package io.reelay.downloader.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentRangeTests {

	@Test
	void readsARangeOfAKnownLength() {
		ContentRange range = ContentRange.parse("bytes 100-199/1000");
		assertThat(range).isEqualTo(new ContentRange(100, 199, 1000));
		assertThat(range.length()).isEqualTo(100);
	}

	@Test
	void readsARangeOfAnUnknownLength() {
		assertThat(ContentRange.parse("Bytes 0-499/*")).isEqualTo(new ContentRange(0, 499, -1));
	}

	@Test
	void readsAnUnsatisfiableRangeAsOnlyTheLength() {
		ContentRange range = ContentRange.parse("bytes */1234");
		assertThat(range).isEqualTo(new ContentRange(-1, -1, 1234));
		assertThat(range.length()).isEqualTo(-1);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "bytes */*", "bytes 200-100/1000", "bytes 0-1000/1000", "items 0-1/2", "bytes 0-/10",
			"bytes -1-5/10", "bytes 0-9/10, bytes 20-29/30", "bytes 0-99999999999999999999/*" })
	void readsNothingFromAHeaderThatMakesNoSense(String header) {
		assertThat(ContentRange.parse(header)).isNull();
	}

}
