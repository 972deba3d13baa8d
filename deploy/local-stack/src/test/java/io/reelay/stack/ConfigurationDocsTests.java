package io.reelay.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md against the settings the services really have, as the
 * configuration processor recorded them in each jar: neither may name a setting the other
 * lacks.
 */
class ConfigurationDocsTests {

	private static final Pattern DOCUMENTED = Pattern
		.compile("^\\| `(reelay\\.[a-z0-9.\\-]+)(\\.\\*)?` \\| `?([A-Z_]*)", Pattern.MULTILINE);

	@Test
	void documentsEverySettingOfTheServicesAndNoOther() throws IOException {
		assertThat(documented()).isEqualTo(settingsOfTheServices());
	}

	@Test
	void givesEachSettingItsEnvironmentVariable() throws IOException {
		Matcher row = DOCUMENTED.matcher(Files.readString(Path.of("..", "..", "docs", "configuration.md")));
		while (row.find()) {
			if (row.group(2) == null) {
				assertThat(row.group(3)).as(row.group(1))
					.isEqualTo(row.group(1).toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_'));
			}
		}
	}

	private static Set<String> documented() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher row = DOCUMENTED.matcher(Files.readString(Path.of("..", "..", "docs", "configuration.md")));
		while (row.find()) {
			names.add(row.group(1));
		}
		return names;
	}

	private static Set<String> settingsOfTheServices() throws IOException {
		Set<String> names = new TreeSet<>();
		for (URL metadata : Collections.list(ConfigurationDocsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					String name = property.path("name").asString();
					if (name.startsWith("reelay.")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

}
