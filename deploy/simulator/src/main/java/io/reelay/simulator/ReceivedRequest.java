package io.reelay.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A request the simulator received, for contract tests to see what an adapter sent. The
 * {@code Authorization} header is kept only as {@link #REDACTED}; whether it carried the
 * right key is {@link #carriedApiKey}.
 *
 * @param provider the provider whose API (or file URLs) received it
 * @param method the HTTP method
 * @param path the path as received, e.g. {@code /minimax/v1/video_generation}
 * @param query the raw query string, {@code null} if none
 * @param contentType the {@code Content-Type} header, {@code null} if none
 * @param headers every header, names in lower case
 * @param body the body, at most {@link #MAX_BODY_BYTES} of it
 * @param bodySize the full size of the body
 * @param carriedApiKey whether it carried {@code Authorization: Bearer <the api key>}
 * @param receivedAt when it arrived
 */
public record ReceivedRequest(String provider, String method, String path, String query, String contentType,
		Map<String, List<String>> headers, byte[] body, int bodySize, boolean carriedApiKey, Instant receivedAt) {

	public static final String REDACTED = "[redacted]";

	/** Larger bodies (image uploads) are cut, to keep the log's memory bounded. */
	public static final int MAX_BODY_BYTES = 256 * 1024;

	/** What to keep of a call: its Authorization header only as {@link #REDACTED}. */
	static ReceivedRequest of(ApiCall call, Instant at) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		call.exchange().getRequestHeaders().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			headers.put(lower, lower.equals("authorization") ? List.of(REDACTED) : List.copyOf(values));
		});
		byte[] body = call.body();
		return new ReceivedRequest(call.provider(), call.method(), call.exchange().getRequestURI().getPath(),
				call.exchange().getRequestURI().getRawQuery(), call.header("Content-Type").orElse(null), headers,
				Arrays.copyOf(body, Math.min(body.length, MAX_BODY_BYTES)), body.length, call.carriesApiKey(), at);
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** The body as JSON, empty when it is not JSON. */
	public Optional<JsonNode> bodyJson() {
		try {
			return Optional.ofNullable(Exchanges.json().readTree(this.body));
		}
		catch (JacksonException notJson) {
			return Optional.empty();
		}
	}

	/** The first value of a header, by case-insensitive name. */
	public Optional<String> header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? Optional.empty() : Optional.of(values.get(0));
	}

}
