package io.reelay.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Durations as people type them on the command line. */
class DurationConverterTests {

	private final DurationConverter converter = new DurationConverter();

	@Test
	void readsShortFormsAndIso8601() {
		assertThat(this.converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(this.converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
		assertThat(this.converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(this.converter.convert("2d")).isEqualTo(Duration.ofDays(2));
		assertThat(this.converter.convert("PT10M")).isEqualTo(Duration.ofMinutes(10));
		assertThat(this.converter.convert("pt0.3s")).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void refusesWhatIsNotADuration() {
		for (String text : new String[] { "10", "ten minutes", "10 m", "m10", "P", "" }) {
			assertThatExceptionOfType(TypeConversionException.class).as(text)
				.isThrownBy(() -> this.converter.convert(text))
				.withMessageContaining("is not a duration: write e.g. 30s, 10m, 1h30m or PT10M");
		}
	}

	@Test
	void printsDurationsPreciseWhileShortAndCoarseOnceLong() {
		assertThat(DurationText.of(Duration.ofMillis(4230))).isEqualTo("4.2 s");
		assertThat(DurationText.of(Duration.ofSeconds(42))).isEqualTo("42 s");
		assertThat(DurationText.of(Duration.ofSeconds(185))).isEqualTo("3 m 05 s");
		assertThat(DurationText.of(Duration.ofMinutes(62))).isEqualTo("1 h 02 m");
	}

}
