package io.reelay.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	@Test
	void readsTheTraceTheParentSpanAndWhetherItIsSampled() {
		assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-01")).contains(new TraceParent(TRACE, SPAN, true));
		assertThat(TraceParent.parse("00-" + TRACE + "-" + SPAN + "-00")).contains(new TraceParent(TRACE, SPAN, false));
	}

	@Test
	void writesTheHeaderItReads() {
		TraceParent parent = new TraceParent(TRACE, SPAN, true);

		assertThat(TraceParent.parse(parent.toString())).contains(parent);
		assertThat(parent.toString()).isEqualTo("00-" + TRACE + "-" + SPAN + "-01");
	}

	@Test
	void acceptsALaterVersionWithMoreFields() {
		assertThat(TraceParent.parse("01-" + TRACE + "-" + SPAN + "-01-what-comes-next"))
			.contains(new TraceParent(TRACE, SPAN, true));
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "garbage", "00-" + TRACE + "-" + SPAN, "00-" + TRACE + "-" + SPAN + "-01-extra",
			"ff-" + TRACE + "-" + SPAN + "-01", "00-00000000000000000000000000000000-" + SPAN + "-01",
			"00-" + TRACE + "-0000000000000000-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-" + SPAN + "-01",
			"00-" + TRACE + "-" + SPAN + "-0g" })
	void readsAnythingElseAsNoTrace(String text) {
		assertThat(TraceParent.parse(text)).isEmpty();
	}

	@Test
	void readsTheLastTraceparentHeaderOfARecordAndIgnoresOneWithoutAValue() {
		RecordHeaders headers = new RecordHeaders();
		assertThat(TraceParent.of(headers)).isEmpty();

		headers.add(TraceParent.HEADER, null);
		assertThat(TraceParent.of(headers)).isEmpty();

		headers.add(TraceParent.HEADER, ("00-" + TRACE + "-" + SPAN + "-01").getBytes(StandardCharsets.UTF_8));
		assertThat(TraceParent.of(headers)).contains(new TraceParent(TRACE, SPAN, true));
	}

}
