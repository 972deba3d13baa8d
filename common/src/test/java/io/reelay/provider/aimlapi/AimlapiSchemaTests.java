package io.reelay.provider.aimlapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI validator the contract tests rely on finds what the schema forbids. */
class AimlapiSchemaTests {

	@Test
	void acceptsBodiesTheSchemaAllows() {
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"a cat\","
				+ "\"image_url\":\"https://example.com/cat.png\",\"enhance_prompt\":false}"))
			.isEmpty();
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"a cat\","
				+ "\"image_url\":\"data:image/png;base64,iVBORw0KGgo=\"}"))
			.isEmpty();
	}

	@Test
	void rejectsBodiesTheSchemaForbids() {
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-02\",\"prompt\":\"a cat\"}"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.enum"));
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\"}"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.required"));
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"" + "x".repeat(2001) + "\"}"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.maxLength"));
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"a\",\"enhance_prompt\":\"yes\"}"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.type"));
		assertThat(
				AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"a\",\"image_url\":\"not a uri\"}"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.format"));
	}

	@Test
	void flagsFieldsTheSchemaDoesNotNameThoughOpenApiWouldAllowThem() {
		// stricter than OpenAPI on purpose: Reelay's own mapping sends documented fields
		// only, whatever a requester adds in providerOptions
		assertThat(AimlapiSchema.createProblems("{\"model\":\"video-01\",\"prompt\":\"a cat\",\"duration\":6}"))
			.containsExactly("validation.request.body.schema.additionalProperties: Object instance has properties"
					+ " which are not allowed by the schema: [\"duration\"]");
	}

	@Test
	void requiresTheGenerationIdOnAPoll() {
		assertThat(AimlapiSchema.pollProblems("generation_id=abc")).isEmpty();
		assertThat(AimlapiSchema.pollProblems(null))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.parameter.query.missing"));
	}

	@Test
	void checksPollAnswersAgainstThePollSchema() {
		assertThat(AimlapiSchema.pollAnswerProblems(200,
				"{\"id\":\"g\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example.com/v.mp4\"},"
						+ "\"error\":null,\"meta\":{\"usage\":{\"tokens_used\":120000}}}"))
			.isEmpty();
		assertThat(AimlapiSchema.pollAnswerProblems(200, "{\"id\":\"g\",\"status\":\"done\"}")).isNotEmpty();
		assertThat(AimlapiSchema.pollAnswerProblems(200,
				"{\"id\":\"g\",\"status\":\"completed\",\"video\":{\"url\":\"https://cdn.example.com/v.mp4\"},"
						+ "\"meta\":{\"usage\":{\"credits_used\":1050000}}}"))
			.isEmpty();
	}

}
