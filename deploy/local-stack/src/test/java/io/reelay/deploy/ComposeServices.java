package io.reelay.deploy;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.deploy.StageContainer.HttpCheck;

/** The Reelay services of a compose file: those whose image is a stage's. */
final class ComposeServices {

	private ComposeServices() {
	}

	static Map<String, Object> services(Path file) {
		return Nodes.map(RepositoryFiles.yamlDocuments(file).get(0), "services");
	}

	static List<StageContainer> stages(Path file) {
		List<StageContainer> stages = new ArrayList<>();
		services(file).forEach((name, service) -> {
			String stage = StageContainer.stageOfImage(Nodes.text(service, "image"));
			if (stage != null) {
				String origin = RepositoryFiles.relative(file) + ", service " + name;
				Map<String, HttpCheck> checks = new LinkedHashMap<>();
				HttpCheck healthcheck = healthcheck(service);
				if (healthcheck != null) {
					checks.put("healthcheck", healthcheck);
				}
				stages
					.add(new StageContainer(origin, name, stage, environment(service), containerPort(service), checks));
			}
		});
		return stages;
	}

	/** {@code environment:} as a map, or as a list of NAME=value. */
	static Map<String, String> environment(Object service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Nodes.map(service, "environment").forEach((name, value) -> environment.put(name, String.valueOf(value)));
		for (Object entry : Nodes.list(service, "environment")) {
			String text = entry.toString();
			int equals = text.indexOf('=');
			environment.put((equals < 0) ? text : text.substring(0, equals),
					(equals < 0) ? "" : text.substring(equals + 1));
		}
		return environment;
	}

	/**
	 * The container side of the first {@code ports:} mapping, e.g. 8080 of "8081:8080".
	 */
	private static int containerPort(Object service) {
		List<Object> ports = Nodes.list(service, "ports");
		if (ports.isEmpty()) {
			return -1;
		}
		String mapping = ports.get(0).toString();
		return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1).replace("/tcp", ""));
	}

	/** The URL a {@code curl}/{@code wget} health check asks for. */
	private static HttpCheck healthcheck(Object service) {
		for (Object word : Nodes.list(service, "healthcheck", "test")) {
			String text = word.toString();
			if (text.startsWith("http://")) {
				URI url = URI.create(text);
				return new HttpCheck(url.getPort(), url.getPath());
			}
		}
		return null;
	}

}
