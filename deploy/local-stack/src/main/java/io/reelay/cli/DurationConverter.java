package io.reelay.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration as a person types it ({@code 90s}, {@code 10m}, {@code 1h30m},
 * {@code 500ms}) or in ISO-8601 ({@code PT10M}), which the older commands' options use.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

	private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

	private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

	@Override
	public Duration convert(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("p")) {
			try {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw invalid(text);
			}
		}
		if (!WHOLE.matcher(value).matches()) {
			throw invalid(text);
		}
		Duration total = Duration.ZERO;
		Matcher part = PART.matcher(value);
		while (part.find()) {
			long amount = Long.parseLong(part.group(1));
			total = total.plus(switch (part.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			});
		}
		return total;
	}

	private static TypeConversionException invalid(String text) {
		return new TypeConversionException("'" + text + "' is not a duration: write e.g. 30s, 10m, 1h30m or PT10M");
	}

}
