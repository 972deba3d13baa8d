package io.reelay.event;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden files are the event schema: what Reelay writes must equal them, and what
 * they say must read back into the same records.
 */
class EventJsonTests {

	static Stream<Arguments> goldenEvents() {
		return Stream.of(Arguments.of("video-requested.json", SampleEvents.requested()),
				Arguments.of("video-submitted.json", SampleEvents.submitted()),
				Arguments.of("video-completed.json", SampleEvents.completed()),
				Arguments.of("video-stored.json", SampleEvents.stored()),
				Arguments.of("video-failed.json", SampleEvents.failed()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenEvents")
	void writesExactlyTheGoldenJson(String file, PipelineEvent event) throws IOException {
		JsonNode written = EventJson.mapper().readTree(EventJson.write(event));
		assertThat(written).isEqualTo(golden(file));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenEvents")
	void readsTheGoldenJsonIntoTheSameEvent(String file, PipelineEvent event) throws IOException {
		assertThat(EventJson.read(goldenText(file), event.getClass())).isEqualTo(event);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenEvents")
	void keepsFieldsInDeclarationOrderForPeopleReadingTopics(String file, PipelineEvent event) {
		String json = new String(EventJson.write(event), StandardCharsets.UTF_8);
		assertThat(json).startsWith("{\"schemaVersion\":1,\"requestId\":\"req-7f3c9a\"");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenEvents")
	void ignoresFieldsAddedByNewerProducers(String file, PipelineEvent event) throws IOException {
		String newer = goldenText(file).replaceFirst("\\{", "{\"addedLater\":{\"x\":[1,2]},");
		assertThat(EventJson.read(newer, event.getClass())).isEqualTo(event);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("goldenEvents")
	void leavesAbsentOptionalFieldsOutInsteadOfWritingNull(String file, PipelineEvent event) {
		assertThat(new String(EventJson.write(event), StandardCharsets.UTF_8)).doesNotContain("null");
	}

	@org.junit.jupiter.api.Test
	void readsAMinimalRequestWithDefaults() {
		VideoRequested request = EventJson.read(
				"{\"requestId\":\"r1\",\"provider\":\"generic\",\"model\":\"m\",\"prompt\":\"p\"}",
				VideoRequested.class);
		assertThat(request.schemaVersion()).isEqualTo(PipelineEvent.CURRENT_SCHEMA_VERSION);
		assertThat(request.metadata()).isEmpty();
		assertThat(request.providerOptions()).isEmpty();
		assertThat(request.duration()).isNull();
	}

	static JsonNode golden(String file) throws IOException {
		return EventJson.mapper().readTree(goldenText(file));
	}

	static String goldenText(String file) throws IOException {
		try (InputStream in = EventJsonTests.class.getResourceAsStream("/events/" + file)) {
			assertThat(in).as("golden file %s", file).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
