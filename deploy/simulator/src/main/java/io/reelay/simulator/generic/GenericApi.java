package io.reelay.simulator.generic;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.reelay.simulator.Exchanges;
import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.TaskBook;
import tools.jackson.databind.JsonNode;

/**
 * The generic video API: {@code POST /v1/videos/generations} and {@code GET
 * /v1/videos/generations/{id}}, with OpenAI-style error bodies
 * ({@code {"error":{"message","type","param","code"}}}).
 */
public final class GenericApi implements HttpHandler {

	public static final String PATH = "/v1/videos/generations";

	private final TaskBook tasks;

	private final String apiKey;

	private final Function<SimulatedTask, String> videoUrl;

	private final Creator creator;

	/** Creates a task in the book; the simulator owns the book. */
	@FunctionalInterface
	public interface Creator {

		SimulatedTask create(String model, String prompt);

	}

	public GenericApi(TaskBook tasks, String apiKey, Creator creator, Function<SimulatedTask, String> videoUrl) {
		this.tasks = tasks;
		this.apiKey = apiKey;
		this.creator = creator;
		this.videoUrl = videoUrl;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (!Exchanges.hasBearer(exchange, this.apiKey)) {
				error(exchange, 401, "Invalid API key provided", "authentication_error", null, "invalid_api_key");
				return;
			}
			String id = Exchanges.pathBelow(exchange, PATH).replaceFirst("^/", "");
			if (id.isEmpty() && "POST".equals(exchange.getRequestMethod())) {
				create(exchange);
			}
			else if (!id.isEmpty() && "GET".equals(exchange.getRequestMethod())) {
				status(exchange, id);
			}
			else {
				error(exchange, 405, "Method not allowed", "invalid_request_error", null, "method_not_allowed");
			}
		}
	}

	private void create(HttpExchange exchange) throws IOException {
		Optional<JsonNode> body = Exchanges.readJsonObject(exchange);
		if (body.isEmpty()) {
			error(exchange, 400, "Request body must be a JSON object", "invalid_request_error", null, "invalid_json");
			return;
		}
		for (String required : new String[] { "model", "prompt" }) {
			JsonNode value = body.get().get(required);
			if (value == null || !value.isString() || value.asString().isBlank()) {
				error(exchange, 400, "Missing required parameter: '" + required + "'", "invalid_request_error",
						required, "missing_required_parameter");
				return;
			}
		}
		for (String integer : new String[] { "duration", "fps" }) {
			JsonNode value = body.get().get(integer);
			if (value != null && !value.isIntegralNumber()) {
				error(exchange, 400, "Invalid type for '" + integer + "': expected an integer", "invalid_request_error",
						integer, "invalid_type");
				return;
			}
		}
		String prompt = body.get().get("prompt").asString();
		Scenario scenario = Scenario.fromPrompt(prompt);
		long call = this.tasks.countCall("create", prompt);
		if (scenario == Scenario.BUSY && call == 1) {
			exchange.getResponseHeaders().set("Retry-After", "1");
			error(exchange, 429, "Rate limit reached for requests", "rate_limit_error", null, "rate_limit_exceeded");
			return;
		}
		if (scenario == Scenario.CREATE_ERROR) {
			error(exchange, 500, "The server had an error while processing your request", "server_error", null,
					"internal_error");
			return;
		}
		SimulatedTask task = this.creator.create(body.get().get("model").asString(), prompt);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", task.id());
		answer.put("status", "processing");
		answer.put("created_at", task.createdAt().getEpochSecond());
		Exchanges.sendJson(exchange, 200, answer);
	}

	private void status(HttpExchange exchange, String id) throws IOException {
		Optional<SimulatedTask> found = this.tasks.find(id).filter((task) -> task.provider().equals("generic"));
		if (found.isEmpty()) {
			error(exchange, 404, "Video task not found: " + id, "invalid_request_error", "id", "not_found");
			return;
		}
		SimulatedTask task = found.get();
		if (task.scenario() == Scenario.FLAKY && this.tasks.countCall("status", id) % 2 == 1) {
			error(exchange, 503, "The engine is currently overloaded, please try again later", "server_error", null,
					"service_unavailable");
			return;
		}
		Instant now = this.tasks.clock().instant();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", task.id());
		answer.put("created_at", task.createdAt().getEpochSecond());
		switch (task.stateAt(now)) {
			case QUEUED -> answer.put("status", "queued");
			case RUNNING -> {
				answer.put("status", "processing");
				answer.put("progress", task.progressAt(now));
			}
			case SUCCEEDED -> {
				answer.put("status", "completed");
				answer.put("video_url", this.videoUrl.apply(task));
			}
			case FAILED -> {
				answer.put("status", "failed");
				answer.put("error", switch (task.scenario()) {
					case CONTENT_POLICY -> Map.of("message", "Your prompt was flagged by our safety system", "code",
							"content_policy_violation");
					default -> Map.of("message", "Video generation failed: the model could not render this prompt",
							"code", "generation_failed");
				});
			}
		}
		Exchanges.sendJson(exchange, 200, answer);
	}

	private static void error(HttpExchange exchange, int status, String message, String type, String param, String code)
			throws IOException {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", message);
		error.put("type", type);
		error.put("param", param);
		error.put("code", code);
		Exchanges.sendJson(exchange, status, Map.of("error", error));
	}

}
