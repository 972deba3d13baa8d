package io.reelay.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every variable the compose file and the rendered Kubernetes manifests give a Reelay
 * service is a setting the service has (a misspelt one would be ignored without a word),
 * and the values bind as the service will bind them.
 */
class DeploymentSettingsTests {

	/** The variables Spring Boot reads as settings. */
	private static final List<String> SETTING_PREFIXES = List.of("REELAY_", "SPRING_", "MANAGEMENT_", "LOGGING_",
			"SERVER_");

	private static final ServiceSettings SETTINGS = ServiceSettings.fromClasspath();

	@Test
	void theConfigurationProcessorRecordedEverySettingsRecordOfTheServices() {
		for (Class<?> record : StageSettings.RECORDS) {
			String prefix = StageSettings.prefixOf(record);
			assertThat(Stream.of(record.getRecordComponents())
				.map((component) -> prefix + "." + ServiceSettings.kebab(component.getName()))
				.filter((name) -> !SETTINGS.has(name) && !hasNested(name)))
				.as("settings of %s missing from META-INF/spring-configuration-metadata.json", record.getName())
				.isEmpty();
		}
	}

	@Test
	void everyVariableOfTheComposeServicesIsASettingOfTheServices() {
		assertThat(unknownVariables(ComposeServices.stages(RepositoryFiles.COMPOSE))).isEmpty();
	}

	@Test
	void everyVariableOfTheRenderedManifestsIsASettingOfTheServices() {
		for (Path rendered : RepositoryFiles.renderedManifests()) {
			assertThat(unknownVariables(KubernetesManifests.read(rendered).stages())).isEmpty();
		}
	}

	@Test
	void everyStageBindsItsSettingsFromItsVariables() {
		for (StageContainer stage : RepositoryFiles.allStages()) {
			StageSettings settings = StageSettings.of(stage.environment());
			for (Class<?> record : StageSettings.RECORDS) {
				assertThatCode(() -> settings.bind(record)).as("%s: %s", stage.origin(), record.getSimpleName())
					.doesNotThrowAnyException();
			}
		}
	}

	private static List<String> unknownVariables(List<StageContainer> stages) {
		assertThat(stages).isNotEmpty();
		List<String> unknown = new ArrayList<>();
		for (StageContainer stage : stages) {
			for (String variable : stage.environment().keySet()) {
				if (SETTING_PREFIXES.stream().anyMatch(variable::startsWith)
						&& SETTINGS.settingOf(variable).isEmpty()) {
					unknown.add(stage.origin() + ": " + variable + " is no setting of the services");
				}
			}
		}
		return unknown;
	}

	/** A record component that is itself a group of settings (reelay.kafka.retry.*). */
	private static boolean hasNested(String name) {
		return SETTINGS.hasAnyUnder(name + ".");
	}

}
