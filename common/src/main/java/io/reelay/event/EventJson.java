package io.reelay.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of Reelay's events, independent of any application's Jackson
 * settings so that what goes on the wire does not change with a service's configuration.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		// producers may be newer than consumers: fields added later are ignored, not
		// fatal
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// a producer may leave out schemaVersion: it then means the current version
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private EventJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(Object event) {
		return MAPPER.writeValueAsBytes(event);
	}

	public static <T> T read(byte[] json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

	public static <T> T read(String json, Class<T> type) {
		return MAPPER.readValue(json, type);
	}

}
