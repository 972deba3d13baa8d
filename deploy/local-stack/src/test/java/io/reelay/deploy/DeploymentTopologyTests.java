package io.reelay.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.reelay.deploy.StageContainer.HttpCheck;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose file and the rendered manifests run each stage once, check the health
 * endpoints the services expose on the port they listen on, scrape where the services
 * serve their metrics, give them time to stop, and scale them on the topics and groups
 * they really use, never past their partitions.
 */
class DeploymentTopologyTests {

	@Test
	void composeRunsEachStageOnce() {
		assertThat(ComposeServices.stages(RepositoryFiles.COMPOSE)).extracting(StageContainer::stage)
			.containsExactlyInAnyOrderElementsOf(StageContainer.STAGES);
	}

	@Test
	void everyOverlayRunsEachStageInOneDeployment() {
		assertThat(RepositoryFiles.renderedManifests()).isNotEmpty();
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			assertThat(KubernetesManifests.read(rendered).stages()).as(RepositoryFiles.relative(rendered))
				.extracting(StageContainer::stage)
				.containsExactlyInAnyOrderElementsOf(StageContainer.STAGES);
		}
	}

	@Test
	void healthChecksAskForTheProbesTheServicesExposeOnThePortTheyListenOn() {
		for (StageContainer stage : RepositoryFiles.allStages()) {
			ServiceEndpoints endpoints = ServiceEndpoints.of(stage.stage());
			assertThat(endpoints.probesEnabled()).as("reelay-%s enables its probes", stage.stage()).isTrue();
			assertThat(endpoints.exposed()).as("reelay-%s's web endpoints", stage.stage())
				.contains("health", "prometheus");
			int port = listeningPort(stage, endpoints);
			assertThat(stage.port()).as("%s: the container port", stage.origin()).isEqualTo(port);
			assertThat(stage.checks()).as("%s: health checks", stage.origin()).isNotEmpty();
			stage.checks().forEach((kind, check) -> {
				String path = (kind.equals("startup") || kind.equals("liveness")) ? endpoints.livenessPath()
						: endpoints.readinessPath();
				assertThat(check).as("%s: %s check", stage.origin(), kind).isEqualTo(new HttpCheck(port, path));
			});
		}
	}

	@Test
	void everyDeploymentHasAStartupALivenessAndAReadinessProbe() {
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			for (StageContainer stage : KubernetesManifests.read(rendered).stages()) {
				assertThat(stage.checks()).as(stage.origin()).containsOnlyKeys("startup", "liveness", "readiness");
			}
		}
	}

	@Test
	void prometheusScrapesTheMetricsEndpointOfEveryStage() {
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			KubernetesManifests manifests = KubernetesManifests.read(rendered);
			for (StageContainer stage : manifests.stages()) {
				ServiceEndpoints endpoints = ServiceEndpoints.of(stage.stage());
				int port = listeningPort(stage, endpoints);
				Map<String, Object> deployment = manifests.deploymentOf(stage.stage());
				Map<String, Object> service = serviceSelecting(manifests, deployment);
				assertThat(service).as("%s: a Service for the metrics port", stage.origin()).isNotNull();
				Object container = Nodes.list(Nodes.map(deployment, "spec", "template", "spec"), "containers").get(0);
				assertThat(Nodes.list(service, "spec", "ports")).as("%s: the Service's ports", stage.origin())
					.anySatisfy((servicePort) -> assertThat(
							KubernetesManifests.port(container, Nodes.text(servicePort, "targetPort")))
						.isEqualTo(port));
				for (Map<String, Object> annotated : List.of(service, Nodes.map(deployment, "spec", "template"))) {
					Map<String, Object> annotations = Nodes.map(annotated, "metadata", "annotations");
					assertThat(annotations).as("%s: scrape annotations", stage.origin())
						.containsEntry("prometheus.io/scrape", "true")
						.containsEntry("prometheus.io/port", Integer.toString(port))
						.containsEntry("prometheus.io/path", endpoints.prometheusPath());
				}
			}
		}
	}

	@Test
	void composePrometheusScrapesEveryStage() {
		Map<String, Object> config = RepositoryFiles
			.yamlDocuments(RepositoryFiles.COMPOSE.resolveSibling("prometheus.yml"))
			.get(0);
		for (StageContainer stage : ComposeServices.stages(RepositoryFiles.COMPOSE)) {
			String path = ServiceEndpoints.of(stage.stage()).prometheusPath();
			List<String> targets = new ArrayList<>();
			Nodes.list(config, "scrape_configs")
				.stream()
				.filter((job) -> path.equals(Nodes.text(job, "metrics_path")))
				.flatMap((job) -> Nodes.list(job, "static_configs").stream())
				.forEach((group) -> Nodes.list(group, "targets").forEach((target) -> targets.add(target.toString())));
			assertThat(targets).as("prometheus.yml: targets scraped at %s", path)
				.contains(stage.name() + ":" + stage.port());
		}
	}

	@Test
	void eachStageGetsMoreTimeToStopThanItsShutdownTimeout() {
		for (StageContainer stage : ComposeServices.stages(RepositoryFiles.COMPOSE)) {
			Duration grace = duration(Nodes.text(ComposeServices.services(RepositoryFiles.COMPOSE).get(stage.name()),
					"stop_grace_period"));
			assertThat(grace).as("%s: stop_grace_period", stage.origin())
				.isGreaterThanOrEqualTo(
						StageSettings.of(stage.environment()).shutdownTimeout(stage.stage()).plusSeconds(10));
		}
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			KubernetesManifests manifests = KubernetesManifests.read(rendered);
			for (StageContainer stage : manifests.stages()) {
				String seconds = Nodes.text(manifests.deploymentOf(stage.stage()), "spec", "template", "spec",
						"terminationGracePeriodSeconds");
				assertThat(seconds).as("%s: terminationGracePeriodSeconds", stage.origin()).isNotNull();
				assertThat(Duration.ofSeconds(Long.parseLong(seconds))).as(stage.origin())
					.isGreaterThanOrEqualTo(
							StageSettings.of(stage.environment()).shutdownTimeout(stage.stage()).plusSeconds(10));
			}
		}
	}

	@Test
	void scalingTriggersNameTheTopicsAndGroupsTheStagesUse() {
		Set<String> topics = PipelineNames.topics();
		Map<String, String> groups = PipelineNames.groups();
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			KubernetesManifests manifests = KubernetesManifests.read(rendered);
			for (Map<String, Object> scaled : manifests.ofKind("ScaledObject")) {
				String name = manifests.name() + ", ScaledObject " + Nodes.text(scaled, "metadata", "name");
				Map<String, Object> target = manifests.named("Deployment",
						Nodes.text(scaled, "spec", "scaleTargetRef", "name"));
				assertThat(target).as("%s: its target Deployment", name).isNotNull();
				String stage = KubernetesManifests.stageOf(target);
				Map<String, String> environment = manifests
					.environment(Nodes.list(Nodes.map(target, "spec", "template", "spec"), "containers").get(0));
				assertThat(Nodes.list(scaled, "spec", "triggers")).as(name).isNotEmpty().allSatisfy((trigger) -> {
					assertThat(Nodes.text(trigger, "type")).isEqualTo("kafka");
					Map<String, Object> metadata = Nodes.map(trigger, "metadata");
					assertThat(metadata.get("consumerGroup")).as("%s: consumer group", name)
						.isEqualTo(groups.get(stage));
					if (metadata.containsKey("topic")) {
						assertThat(topics).as("%s: topic", name).contains(metadata.get("topic").toString());
					}
					Object fromEnvironment = metadata.get("bootstrapServersFromEnv");
					if (fromEnvironment != null) {
						assertThat(environment).as("%s: bootstrapServersFromEnv", name)
							.containsKey(fromEnvironment.toString());
					}
					else {
						assertThat(metadata).as("%s: bootstrap servers", name).containsKey("bootstrapServers");
					}
				});
			}
		}
	}

	@Test
	void scalingNeverAddsAConsumerBeyondThePartitions() {
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			KubernetesManifests manifests = KubernetesManifests.read(rendered);
			for (Map<String, Object> scaled : manifests.ofKind("ScaledObject")) {
				Map<String, Object> target = manifests.named("Deployment",
						Nodes.text(scaled, "spec", "scaleTargetRef", "name"));
				String stage = KubernetesManifests.stageOf(target);
				StageSettings settings = StageSettings.of(manifests
					.environment(Nodes.list(Nodes.map(target, "spec", "template", "spec"), "containers").get(0)));
				int maxReplicas = Integer.parseInt(Nodes.text(scaled, "spec", "maxReplicaCount"));
				int minReplicas = Integer.parseInt(Nodes.text(scaled, "spec", "minReplicaCount"));
				assertThat(minReplicas).as("%s: minReplicaCount", manifests.name()).isBetween(1, maxReplicas);
				assertThat(maxReplicas * settings.consumersPerInstance(stage))
					.as("%s: %s's consumers at maxReplicaCount against reelay.kafka.partitions", manifests.name(),
							stage)
					.isLessThanOrEqualTo(settings.kafka().partitions());
			}
		}
	}

	/** server.port from the container's variables, else the service's own. */
	private static int listeningPort(StageContainer stage, ServiceEndpoints endpoints) {
		String port = stage.environment()
			.getOrDefault("MANAGEMENT_SERVER_PORT", stage.environment().get("SERVER_PORT"));
		return (port != null) ? Integer.parseInt(port) : endpoints.port();
	}

	private static Map<String, Object> serviceSelecting(KubernetesManifests manifests, Map<String, Object> deployment) {
		Map<String, Object> labels = Nodes.map(deployment, "spec", "template", "metadata", "labels");
		return manifests.ofKind("Service").stream().filter((service) -> {
			Map<String, Object> selector = Nodes.map(service, "spec", "selector");
			return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
		}).findFirst().orElse(null);
	}

	/** Compose durations: 45s, 1m30s. */
	private static Duration duration(String text) {
		assertThat(text).as("a stop_grace_period").isNotNull();
		return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
	}

}
