package io.reelay.deploy;

import java.util.List;
import java.util.Map;

/** Walking parsed YAML without a cast at every step. */
final class Nodes {

	private Nodes() {
	}

	/** The map at a path of keys, or an empty map when any step is missing. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node, String... path) {
		Object value = at(node, path);
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

	/** The list at a path of keys, or an empty list when any step is missing. */
	@SuppressWarnings("unchecked")
	static List<Object> list(Object node, String... path) {
		Object value = at(node, path);
		return (value instanceof List<?> list) ? (List<Object>) list : List.of();
	}

	/** The scalar at a path of keys as text, or null. */
	static String text(Object node, String... path) {
		Object value = at(node, path);
		return (value != null && !(value instanceof Map) && !(value instanceof List)) ? value.toString() : null;
	}

	private static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

}
