package io.reelay.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.deploy.StageContainer.HttpCheck;

/** The objects of one rendered overlay (deploy/k8s/rendered/*.yaml). */
final class KubernetesManifests {

	private final Path file;

	private final List<Map<String, Object>> objects;

	private KubernetesManifests(Path file) {
		this.file = file;
		this.objects = RepositoryFiles.yamlDocuments(file);
	}

	static KubernetesManifests read(Path file) {
		return new KubernetesManifests(file);
	}

	String name() {
		return RepositoryFiles.relative(this.file);
	}

	List<Map<String, Object>> ofKind(String kind) {
		return this.objects.stream().filter((object) -> kind.equals(object.get("kind"))).toList();
	}

	Map<String, Object> named(String kind, String name) {
		return ofKind(kind).stream()
			.filter((object) -> name.equals(Nodes.text(object, "metadata", "name")))
			.findFirst()
			.orElse(null);
	}

	/** The stage a Deployment runs (by its first container's image), or null. */
	static String stageOf(Map<String, Object> deployment) {
		List<Object> containers = Nodes.list(Nodes.map(deployment, "spec", "template", "spec"), "containers");
		return containers.isEmpty() ? null : StageContainer.stageOfImage(Nodes.text(containers.get(0), "image"));
	}

	/** The Deployment that runs a stage, or null. */
	Map<String, Object> deploymentOf(String stage) {
		return ofKind("Deployment").stream().filter((d) -> stage.equals(stageOf(d))).findFirst().orElse(null);
	}

	List<StageContainer> stages() {
		List<StageContainer> stages = new ArrayList<>();
		for (Map<String, Object> deployment : ofKind("Deployment")) {
			for (Object container : Nodes.list(Nodes.map(deployment, "spec", "template", "spec"), "containers")) {
				String stage = StageContainer.stageOfImage(Nodes.text(container, "image"));
				if (stage != null) {
					String origin = name() + ", Deployment " + Nodes.text(deployment, "metadata", "name")
							+ ", container " + Nodes.text(container, "name");
					stages.add(new StageContainer(origin, Nodes.text(deployment, "metadata", "name"), stage,
							environment(container), httpPort(container), checks(container)));
				}
			}
		}
		return stages;
	}

	/**
	 * {@code env} and every ConfigMap of {@code envFrom}, as the kubelet would set them.
	 */
	Map<String, String> environment(Object container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object source : Nodes.list(container, "envFrom")) {
			String configMap = Nodes.text(source, "configMapRef", "name");
			if (configMap != null) {
				Map<String, Object> found = named("ConfigMap", configMap);
				if (found == null) {
					throw new AssertionError(name() + ": envFrom names ConfigMap " + configMap + ", which it lacks");
				}
				Nodes.map(found, "data").forEach((key, value) -> environment.put(key, String.valueOf(value)));
			}
			String secret = Nodes.text(source, "secretRef", "name");
			if (secret != null) {
				throw new AssertionError(name() + ": envFrom a whole Secret (" + secret
						+ ") hides which variables it sets; name each with secretKeyRef");
			}
		}
		for (Object variable : Nodes.list(container, "env")) {
			String value = Nodes.text(variable, "value");
			if (value == null) {
				Map<String, Object> from = Nodes.map(variable, "valueFrom");
				value = "<from " + (from.isEmpty() ? "nothing" : from.keySet().iterator().next()) + ">";
			}
			environment.put(Nodes.text(variable, "name"), value);
		}
		return environment;
	}

	private static int httpPort(Object container) {
		List<Object> ports = Nodes.list(container, "ports");
		for (Object port : ports) {
			if ("http".equals(Nodes.text(port, "name"))) {
				return Integer.parseInt(Nodes.text(port, "containerPort"));
			}
		}
		return ports.isEmpty() ? -1 : Integer.parseInt(Nodes.text(ports.get(0), "containerPort"));
	}

	private static Map<String, HttpCheck> checks(Object container) {
		Map<String, HttpCheck> checks = new LinkedHashMap<>();
		for (String kind : List.of("startup", "liveness", "readiness")) {
			Map<String, Object> get = Nodes.map(container, kind + "Probe", "httpGet");
			if (!get.isEmpty()) {
				checks.put(kind, new HttpCheck(port(container, Nodes.text(get, "port")), Nodes.text(get, "path")));
			}
		}
		return checks;
	}

	/** A port by number, or by the name of one of the container's ports. */
	static int port(Object container, String port) {
		if (port.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(port);
		}
		for (Object declared : Nodes.list(container, "ports")) {
			if (port.equals(Nodes.text(declared, "name"))) {
				return Integer.parseInt(Nodes.text(declared, "containerPort"));
			}
		}
		return -1;
	}

}
