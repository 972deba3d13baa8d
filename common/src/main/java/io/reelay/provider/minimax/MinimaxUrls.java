package io.reelay.provider.minimax;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads when a signed download URL stops working, where the URL says: MiniMax serves
 * files from object storage whose signed URLs carry {@code Expires} (epoch seconds) or
 * {@code X-Amz-Date} with {@code X-Amz-Expires}. Parameter names are compared in lower
 * case, as stores differ in how they spell them.
 */
final class MinimaxUrls {

	private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

	private MinimaxUrls() {
	}

	static Optional<Instant> signedExpiry(String url) {
		Map<String, String> query = query(url);
		try {
			if (query.containsKey("expires")) {
				return Optional.of(Instant.ofEpochSecond(Long.parseLong(query.get("expires"))));
			}
			if (query.containsKey("x-amz-date") && query.containsKey("x-amz-expires")) {
				Instant signed = LocalDateTime.parse(query.get("x-amz-date"), AMZ_DATE).toInstant(ZoneOffset.UTC);
				return Optional.of(signed.plusSeconds(Long.parseLong(query.get("x-amz-expires"))));
			}
		}
		catch (NumberFormatException | DateTimeParseException unreadable) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	private static Map<String, String> query(String url) {
		Map<String, String> parameters = new HashMap<>();
		String raw;
		try {
			raw = URI.create(url).getRawQuery();
		}
		catch (IllegalArgumentException notAUri) {
			return parameters;
		}
		if (raw == null) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				parameters.putIfAbsent(
						URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return parameters;
	}

}
