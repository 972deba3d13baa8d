package io.reelay.deploy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How an environment variable is matched to a setting: Spring Boot's relaxed binding. */
class ServiceSettingsTests {

	private static final ServiceSettings SETTINGS = ServiceSettings.of(Map.of("reelay.kafka.bootstrap-servers",
			"java.lang.String", "reelay.kafka.client", "java.util.Map<java.lang.String,java.lang.String>",
			"reelay.poller.providers",
			"java.util.Map<java.lang.String,io.reelay.poller.PollerProperties$ProviderPolling>",
			"reelay.downloader.allowed-hosts", "java.util.List<java.lang.String>", "server.port", "java.lang.Integer"));

	@Test
	void matchesAVariableWithDashesAsUnderscoresOrDropped() {
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_BOOTSTRAP_SERVERS")).hasValue("reelay.kafka.bootstrap-servers");
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_BOOTSTRAPSERVERS")).hasValue("reelay.kafka.bootstrap-servers");
		assertThat(SETTINGS.settingOf("REELAY_DOWNLOADER_ALLOWED_HOSTS")).hasValue("reelay.downloader.allowed-hosts");
		assertThat(SETTINGS.settingOf("SERVER_PORT")).hasValue("server.port");
	}

	@Test
	void findsNoSettingForAMisspeltVariable() {
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_BOOTSTRAP_SERVER")).isEmpty();
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_BOOTSTRAP_SERVERS_X")).isEmpty();
		assertThat(SETTINGS.settingOf("SERVER_PORTS")).isEmpty();
	}

	@Test
	void takesAnyKeyOfAMapOfPlainValues() {
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_CLIENT_SECURITY_PROTOCOL")).hasValue("reelay.kafka.client");
		assertThat(SETTINGS.settingOf("REELAY_KAFKA_CLIENT")).isEmpty();
	}

	@Test
	void takesAKeyAndOneOfTheValueSettingsForAMapOfObjects() {
		assertThat(SETTINGS.settingOf("REELAY_POLLER_PROVIDERS_MINIMAX_RATE")).hasValue("reelay.poller.providers");
		assertThat(SETTINGS.settingOf("REELAY_POLLER_PROVIDERS_OPENAI_MAX_CONCURRENT"))
			.hasValue("reelay.poller.providers");
		assertThat(SETTINGS.settingOf("REELAY_POLLER_PROVIDERS_MINIMAX_SPEED")).isEmpty();
		assertThat(SETTINGS.settingOf("REELAY_POLLER_PROVIDERS_RATE")).isEmpty();
	}

	@Test
	void knowsTheVariableSpringBootReadsAsJsonSettings() {
		assertThat(SETTINGS.settingOf("SPRING_APPLICATION_JSON")).isPresent();
	}

}
