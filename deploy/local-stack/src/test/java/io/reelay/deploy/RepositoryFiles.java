package io.reelay.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files of the checkout, read as the tools that use them would: YAML
 * documents as maps and lists. Tests run in deploy/local-stack, two levels below the
 * root.
 */
final class RepositoryFiles {

	static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();

	static final Path COMPOSE = ROOT.resolve("deploy/compose/compose.yaml");

	static final Path K8S = ROOT.resolve("deploy/k8s");

	static final Path RENDERED = K8S.resolve("rendered");

	static final Path DASHBOARD = ROOT.resolve("deploy/grafana/reelay-dashboard.json");

	private RepositoryFiles() {
	}

	/** Every YAML document of a file, empty ones left out. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> yamlDocuments(Path file) {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				if (document != null) {
					documents.add((Map<String, Object>) document);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	/** The committed renders, one per overlay: dev.yaml, production.yaml. */
	static List<Path> renderedManifests() {
		try (var files = Files.list(RENDERED)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every Reelay service of the compose file and of each render. */
	static List<StageContainer> allStages() {
		List<StageContainer> stages = new ArrayList<>(ComposeServices.stages(COMPOSE));
		renderedManifests().forEach((rendered) -> stages.addAll(KubernetesManifests.read(rendered).stages()));
		return stages;
	}

	static List<Path> overlays() {
		try (var directories = Files.list(K8S.resolve("overlays"))) {
			return directories.filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A path as people write it in this repository, e.g. deploy/compose/compose.yaml. */
	static String relative(Path file) {
		return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
	}

}
