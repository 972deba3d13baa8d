package io.reelay.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting the services can be given, as the configuration processor recorded it in
 * each jar on the classpath (META-INF/spring-configuration-metadata.json): Reelay's
 * {@code reelay.*} records and Spring Boot's own. Tells which setting an environment
 * variable sets under Spring Boot's relaxed binding.
 */
final class ServiceSettings {

	/**
	 * Read by Spring Boot itself rather than bound to a setting: JSON holding any
	 * settings.
	 */
	private static final Set<String> READ_BY_SPRING_BOOT = Set.of("SPRING_APPLICATION_JSON");

	private static final Pattern MAP_TYPE = Pattern.compile("java\\.util\\.Map<[^,]+,\\s*(.+)>");

	/** Setting name to its declared type. */
	private final Map<String, String> types;

	private ServiceSettings(Map<String, String> types) {
		this.types = types;
	}

	static ServiceSettings fromClasspath() {
		Map<String, String> types = new TreeMap<>();
		try {
			for (URL metadata : Collections.list(ServiceSettings.class.getClassLoader()
				.getResources("META-INF/spring-configuration-metadata.json"))) {
				try (InputStream in = metadata.openStream()) {
					for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
						types.put(property.path("name").asString(),
								property.hasNonNull("type") ? property.get("type").asString() : null);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ServiceSettings(types);
	}

	/** For tests of the matching itself. */
	static ServiceSettings of(Map<String, String> types) {
		return new ServiceSettings(new TreeMap<>(types));
	}

	boolean has(String setting) {
		return this.types.containsKey(setting);
	}

	boolean hasAnyUnder(String prefix) {
		return this.types.keySet().stream().anyMatch((name) -> name.startsWith(prefix));
	}

	/**
	 * The setting an environment variable sets, e.g.
	 * {@code reelay.kafka.bootstrap-servers} for {@code REELAY_KAFKA_BOOTSTRAP_SERVERS};
	 * for an entry of a map-valued setting the map's name, e.g.
	 * {@code reelay.poller.providers} for {@code REELAY_POLLER_PROVIDERS_MINIMAX_RATE};
	 * empty when none.
	 */
	Optional<String> settingOf(String variable) {
		if (READ_BY_SPRING_BOOT.contains(variable)) {
			return Optional.of(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
		}
		List<String> mapEntries = new ArrayList<>();
		for (Map.Entry<String, String> setting : this.types.entrySet()) {
			String name = setting.getKey();
			String valueType = mapValueType(setting.getValue());
			if (valueType == null && environmentForms(name).contains(variable)) {
				return Optional.of(name);
			}
			if (valueType != null) {
				for (String form : environmentForms(name)) {
					if (variable.startsWith(form + "_") && isEntry(variable.substring(form.length() + 1), valueType)) {
						mapEntries.add(name);
					}
				}
			}
		}
		return mapEntries.stream().findFirst();
	}

	/**
	 * The variable names Spring Boot binds to a setting: {@code .} as {@code _}, and
	 * {@code -} either dropped (its canonical form) or as {@code _}, all in capitals.
	 */
	static Set<String> environmentForms(String setting) {
		String upper = setting.toUpperCase(Locale.ROOT).replace('.', '_');
		return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
	}

	private static String mapValueType(String type) {
		if (type == null) {
			return null;
		}
		Matcher map = MAP_TYPE.matcher(type);
		return map.matches() ? map.group(1).trim() : null;
	}

	/**
	 * Whether the rest of a variable after a map's name is one of its entries: any key
	 * for a map of plain values; for a map of objects, a key followed by one of the
	 * object's settings ({@code MINIMAX_RATE}).
	 */
	private static boolean isEntry(String rest, String valueType) {
		if (rest.isEmpty()) {
			return false;
		}
		Class<?> type = loadable(valueType);
		if (type == null || isPlain(type)) {
			return true;
		}
		int key = rest.indexOf('_');
		if (key <= 0) {
			return false;
		}
		String property = rest.substring(key + 1);
		for (String component : propertiesOf(type)) {
			if (environmentForms(component).contains(property)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isPlain(Class<?> type) {
		return type.isPrimitive() || type.isEnum() || type.getName().startsWith("java.");
	}

	/** The settings of a record or JavaBean, in kebab case. */
	private static List<String> propertiesOf(Class<?> type) {
		List<String> names = new ArrayList<>();
		if (type.isRecord()) {
			for (var component : type.getRecordComponents()) {
				names.add(kebab(component.getName()));
			}
		}
		else {
			for (var method : type.getMethods()) {
				if (method.getName().startsWith("set") && method.getParameterCount() == 1) {
					names.add(kebab(method.getName().substring(3)));
				}
			}
		}
		return names;
	}

	static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	private static Class<?> loadable(String type) {
		String raw = (type.indexOf('<') >= 0) ? type.substring(0, type.indexOf('<')) : type;
		try {
			return Class.forName(raw, false, ServiceSettings.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
