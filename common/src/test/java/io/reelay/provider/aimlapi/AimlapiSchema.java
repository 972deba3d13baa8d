package io.reelay.provider.aimlapi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.reelay.simulator.ReceivedRequest;

/**
 * AI/ML API's published OpenAPI schema of {@code video-01}
 * ({@code openapi/aimlapi-video-01.json}: the create and poll schemas of its page, merged
 * into one document), checked by a real OpenAPI validator.
 */
final class AimlapiSchema {

	private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
		.createForSpecificationUrl("openapi/aimlapi-video-01.json")
		.build();

	private AimlapiSchema() {
	}

	/** What the schema says against a create call with this JSON body. */
	static List<String> createProblems(String json) {
		return messages(VALIDATOR.validateRequest(SimpleRequest.Builder.post("/v2/video/generations")
			.withContentType("application/json")
			.withBody(json)
			.build()));
	}

	/** What the schema says against a poll with this query string. */
	static List<String> pollProblems(String rawQuery) {
		SimpleRequest.Builder poll = SimpleRequest.Builder.get("/v2/video/generations");
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				String[] parts = pair.split("=", 2);
				poll.withQueryParam(decode(parts[0]), (parts.length > 1) ? decode(parts[1]) : "");
			}
		}
		return messages(VALIDATOR.validateRequest(poll.build()));
	}

	/**
	 * What the schema says against a poll answer, but for the name of the credits: the
	 * poll schema calls them {@code tokens_used}, the create schema and AI/ML API's
	 * public documentation {@code credits_used}, and Reelay reads both.
	 */
	static List<String> pollAnswerProblems(int status, String json) {
		return messages(VALIDATOR.validateResponse("/v2/video/generations", Request.Method.GET,
				SimpleResponse.Builder.status(status).withContentType("application/json").withBody(json).build()))
			.stream()
			.filter((problem) -> !problem.contains("[Path '/meta/usage']"))
			.toList();
	}

	/** What the schema says against a request the simulator received for AI/ML API. */
	static List<String> problems(ReceivedRequest received) {
		String path = received.path().replaceFirst("^/aimlapi", "");
		if (!path.equals("/v2/video/generations")) {
			return List.of("not an API call: " + received.method() + " " + received.path());
		}
		if (received.body().length < received.bodySize()) {
			return List.of("the simulator kept only " + received.body().length + " of " + received.bodySize()
					+ " bytes of the body");
		}
		return received.method().equals("POST") ? createProblems(received.bodyText()) : pollProblems(received.query());
	}

	private static List<String> messages(ValidationReport report) {
		return report.getMessages()
			.stream()
			.filter((message) -> message.getLevel() == ValidationReport.Level.ERROR)
			.map((message) -> message.getKey() + ": " + message.getMessage())
			.toList();
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
