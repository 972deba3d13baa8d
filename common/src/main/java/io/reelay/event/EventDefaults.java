package io.reelay.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a record left out gets: empty maps for absent ones, the current schema version.
 */
final class EventDefaults {

	private EventDefaults() {
	}

	static <V> Map<String, V> copy(Map<String, V> map) {
		if (map == null || map.isEmpty()) {
			return Map.of();
		}
		// LinkedHashMap rather than Map.copyOf: keeps the sender's order and tolerates
		// JSON nulls
		return Collections.unmodifiableMap(new LinkedHashMap<>(map));
	}

	static <V> List<V> copy(List<V> list) {
		if (list == null || list.isEmpty()) {
			return List.of();
		}
		return Collections.unmodifiableList(new ArrayList<>(list));
	}

	static int schemaVersion(int declared) {
		return (declared > 0) ? declared : PipelineEvent.CURRENT_SCHEMA_VERSION;
	}

}
