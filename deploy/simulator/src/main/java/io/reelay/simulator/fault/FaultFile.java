package io.reelay.simulator.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads fault rules from JSON:
 * {@code {"rules":[{"provider":"minimax","operation":"CREATE",
 * "fault":"RATE_LIMIT","times":2}]}} or just the array. Names of operations and faults
 * are case-insensitive; {@code delay} is ISO-8601 ({@code "PT2S"}) or milliseconds.
 */
public final class FaultFile {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> KEYS = Set.of("provider", "operation", "fault", "times", "promptContains",
			"status", "delay", "retryAfterSeconds");

	private FaultFile() {
	}

	public static List<FaultRule> read(Path file) throws IOException {
		try {
			return parse(Files.readAllBytes(file));
		}
		catch (IllegalArgumentException invalid) {
			throw new IllegalArgumentException(file + ": " + invalid.getMessage(), invalid);
		}
	}

	public static List<FaultRule> parse(byte[] json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException notJson) {
			throw new IllegalArgumentException("not JSON: " + notJson.getOriginalMessage());
		}
		JsonNode list = (root != null && root.isObject()) ? root.path("rules") : root;
		if (list == null || !list.isArray()) {
			throw new IllegalArgumentException("expected {\"rules\": [...]} or an array of rules");
		}
		List<FaultRule> rules = new ArrayList<>();
		for (int index = 0; index < list.size(); index++) {
			try {
				rules.add(rule(list.get(index)));
			}
			catch (IllegalArgumentException invalid) {
				throw new IllegalArgumentException("rule " + (index + 1) + ": " + invalid.getMessage());
			}
		}
		return List.copyOf(rules);
	}

	private static FaultRule rule(JsonNode node) {
		if (!node.isObject()) {
			throw new IllegalArgumentException("must be an object");
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (!KEYS.contains(property.getKey())) {
				throw new IllegalArgumentException("unknown key '" + property.getKey() + "', known: " + KEYS);
			}
		}
		return new FaultRule(text(node, "provider"), constant(Operation.class, node, "operation"),
				constant(Fault.class, node, "fault"), integer(node, "times"), text(node, "promptContains"),
				integer(node, "status"), delay(node), integer(node, "retryAfterSeconds"));
	}

	private static <E extends Enum<E>> E constant(Class<E> type, JsonNode node, String key) {
		String value = text(node, key);
		if (value == null) {
			throw new IllegalArgumentException("'" + key + "' is required");
		}
		try {
			return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException unknown) {
			throw new IllegalArgumentException(
					"'" + key + "' must be one of " + Arrays.toString(type.getEnumConstants()) + ", got " + value);
		}
	}

	private static String text(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + key + "' must be a string");
		}
		return value.asString();
	}

	private static int integer(JsonNode node, String key) {
		JsonNode value = node.get(key);
		if (value == null || value.isNull()) {
			return 0;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException("'" + key + "' must be an integer");
		}
		return value.asInt();
	}

	private static Duration delay(JsonNode node) {
		JsonNode value = node.get("delay");
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isIntegralNumber()) {
			return Duration.ofMillis(value.asLong());
		}
		try {
			return Duration.parse(value.asString());
		}
		catch (DateTimeParseException invalid) {
			throw new IllegalArgumentException("'delay' must be ISO-8601 like \"PT2S\" or milliseconds");
		}
	}

}
