package io.reelay.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.reelay.downloader.DownloaderApplication;
import io.reelay.poller.PollerApplication;
import io.reelay.submitter.SubmitterApplication;

import org.springframework.context.annotation.PropertySource;

/**
 * Where a service answers health checks and scrapes, from the properties files its
 * application class reads through {@code @PropertySource} and Spring Boot's defaults.
 *
 * @param port the port of the actuator endpoints: {@code management.server.port}, else
 * {@code server.port}, else 8080
 * @param probesEnabled {@code management.endpoint.health.probes.enabled}
 * @param exposed the web endpoints exposed
 * @param basePath the actuator's base path, {@code /actuator} unless set
 */
record ServiceEndpoints(int port, boolean probesEnabled, Set<String> exposed, String basePath) {

	private static final Map<String, Class<?>> APPLICATIONS = Map.of("submitter", SubmitterApplication.class, "poller",
			PollerApplication.class, "downloader", DownloaderApplication.class);

	String livenessPath() {
		return this.basePath + "/health/liveness";
	}

	String readinessPath() {
		return this.basePath + "/health/readiness";
	}

	String prometheusPath() {
		return this.basePath + "/prometheus";
	}

	/** The endpoints of a stage's service, failing when its jar has no properties. */
	static ServiceEndpoints of(String stage) {
		Properties properties = serviceProperties(stage);
		String port = properties.getProperty("management.server.port", properties.getProperty("server.port", "8080"));
		Set<String> exposed = Arrays
			.stream(properties.getProperty("management.endpoints.web.exposure.include", "health").split(","))
			.map(String::trim)
			.collect(Collectors.toSet());
		return new ServiceEndpoints(Integer.parseInt(placeholderDefault(port)),
				Boolean.parseBoolean(properties.getProperty("management.endpoint.health.probes.enabled", "false")),
				exposed, properties.getProperty("management.endpoints.web.base-path", "/actuator"));
	}

	/** {@code ${PORT:8080}} is 8080, as the service reads it when nothing sets PORT. */
	private static String placeholderDefault(String value) {
		if (value.startsWith("${") && value.endsWith("}") && value.contains(":")) {
			return value.substring(value.indexOf(':') + 1, value.length() - 1);
		}
		return value;
	}

	private static Properties serviceProperties(String stage) {
		Class<?> application = APPLICATIONS.get(stage);
		PropertySource source = application.getAnnotation(PropertySource.class);
		if (source == null) {
			throw new AssertionError(application.getSimpleName()
					+ " names no properties: the service's jar should carry its actuator settings");
		}
		Properties properties = new Properties();
		for (String location : source.value()) {
			try (InputStream in = ServiceEndpoints.class.getClassLoader()
				.getResourceAsStream(location.replaceFirst("^classpath:/?", ""))) {
				if (in == null) {
					throw new AssertionError(application.getSimpleName() + " reads " + location + ", which is missing");
				}
				properties.load(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return properties;
	}

}
