package io.reelay.event;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md shows the golden files, so the documented schema cannot drift from the
 * code.
 */
class EventDocsTests {

	private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

	@ParameterizedTest
	@ValueSource(strings = { "video-requested.json", "video-submitted.json", "video-completed.json",
			"video-stored.json", "video-failed.json" })
	void documentsEveryEventWithItsGoldenJson(String file) throws IOException {
		assertThat(documentedExamples()).contains(EventJsonTests.golden(file));
	}

	@ParameterizedTest
	@ValueSource(strings = { "INVALID_REQUEST", "AUTHENTICATION", "INSUFFICIENT_CREDITS", "CONTENT_POLICY",
			"RATE_LIMITED", "PROVIDER_UNAVAILABLE", "SUBMISSION_OUTCOME_UNKNOWN", "GENERATION_FAILED", "NOT_FOUND",
			"TIMEOUT", "DOWNLOAD_FAILED", "INVALID_CONTENT", "UNSAFE_URL", "STORAGE_FAILED", "INTERNAL" })
	void documentsEveryFailureCodeWithItsRetryDecision(String name) throws IOException {
		FailureCode code = FailureCode.valueOf(name);
		assertThat(Files.readString(eventsDoc()))
			.contains("| `" + code.name() + "` | " + (code.retryable() ? "yes" : "no") + " |");
		assertThat(FailureCode.values()).hasSize(15);
	}

	private static List<JsonNode> documentedExamples() throws IOException {
		List<JsonNode> examples = new ArrayList<>();
		Matcher block = JSON_BLOCK.matcher(Files.readString(eventsDoc()));
		while (block.find()) {
			examples.add(EventJson.mapper().readTree(block.group(1)));
		}
		return examples;
	}

	private static Path eventsDoc() {
		// tests run in the module directory
		return Path.of("..", "docs", "events.md");
	}

}
