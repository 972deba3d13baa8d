package io.reelay.cli.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.reelay.cli.DurationConverter;
import io.reelay.event.EventJson;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;

/**
 * Turns option values as a person types them into request fields: a local file into a
 * {@code data:} URL, {@code 30m} into an instant, {@code 5} into a number.
 */
final class RequestValues {

	/**
	 * The submitter's default {@code reelay.media.max-inline-size}: a larger file belongs
	 * in the bucket, so that the record stays well under Kafka's message limit.
	 */
	static final long MAX_INLINE_BYTES = 512 * 1024;

	private static final List<String> SCHEMES = List.of("http://", "https://", "data:", "s3://");

	private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
			"image/jpeg", "webp", "image/webp", "gif", "image/gif", "mp4", "video/mp4", "mp3", "audio/mpeg", "wav",
			"audio/wav");

	private final Clock clock;

	RequestValues(Clock clock) {
		this.clock = clock;
	}

	/** A reference as it is, or a local file as a {@code data:} URL. */
	String media(String reference) {
		String lower = reference.toLowerCase(Locale.ROOT);
		if (SCHEMES.stream().anyMatch(lower::startsWith)) {
			return reference;
		}
		Path file = Path.of(reference);
		if (!Files.isRegularFile(file)) {
			throw new InvalidRequestException(
					"'" + reference + "' is neither a URL (http(s)://, data:, s3://bucket/key) nor a readable file");
		}
		try {
			long size = Files.size(file);
			if (size > MAX_INLINE_BYTES) {
				throw new InvalidRequestException(reference + " is " + size + " bytes, more than the "
						+ (MAX_INLINE_BYTES / 1024) + " KB a request carries inline: put it in Reelay's bucket and "
						+ "pass its s3://bucket/key");
			}
			return "data:" + contentType(file) + ";base64,"
					+ Base64.getEncoder().encodeToString(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new InvalidRequestException("cannot read " + reference + ": " + ex.getMessage());
		}
	}

	List<String> media(List<String> references) {
		return references.stream().map(this::media).toList();
	}

	/** An ISO-8601 instant, or a time from now such as {@code 30m}. */
	Instant instant(String option, String when) {
		try {
			return Instant.parse(when);
		}
		catch (DateTimeParseException notAnInstant) {
			try {
				return this.clock.instant().plus(new DurationConverter().convert(when));
			}
			catch (TypeConversionException notADuration) {
				throw new InvalidRequestException(option + ": '" + when
						+ "' is neither an instant (2026-11-21T10:30:00Z) nor a time from now (30m, 2h)");
			}
		}
	}

	/**
	 * The value as JSON when it is JSON ({@code 5}, {@code true}, {@code {...}}), else
	 * text.
	 */
	Object json(String value) {
		try {
			Object parsed = EventJson.mapper().readValue(value, Object.class);
			return (parsed != null) ? parsed : value;
		}
		catch (JacksonException ex) {
			return value;
		}
	}

	private static String contentType(Path file) throws IOException {
		String name = file.getFileName().toString();
		String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String known = TYPES.get(extension);
		if (known != null) {
			return known;
		}
		String probed = Files.probeContentType(file);
		return (probed != null) ? probed : "application/octet-stream";
	}

}
