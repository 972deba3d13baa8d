package io.reelay.simulator.generic;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Ids;
import io.reelay.simulator.OpenAiStyleErrors;
import io.reelay.simulator.ProviderApi;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.fault.Operation;
import tools.jackson.databind.JsonNode;

/**
 * The generic video API: {@code POST /v1/videos/generations} and {@code GET
 * /v1/videos/generations/{id}}, with OpenAI-style error bodies; finished jobs carry a
 * signed {@code video_url}.
 */
public final class GenericApi extends ProviderApi {

	static final String GENERATIONS = "/v1/videos/generations";

	public GenericApi(Simulation simulation) {
		super("generic", new GenericErrors(), simulation);
	}

	@Override
	public void serve(ApiCall call) throws IOException {
		String path = call.path();
		if (path.equals(GENERATIONS) && call.method().equals("POST")) {
			create(call);
		}
		else if (path.startsWith(GENERATIONS + "/") && call.method().equals("GET")) {
			status(call, path.substring(GENERATIONS.length() + 1));
		}
		else {
			OpenAiStyleErrors.send(call, path.startsWith(GENERATIONS) ? 405 : 404,
					"Unknown request: " + call.method() + " " + path, "invalid_request_error", null,
					path.startsWith(GENERATIONS) ? "method_not_allowed" : "unknown_url");
		}
	}

	private void create(ApiCall call) throws IOException {
		if (!call.admitCreation()) {
			return;
		}
		Optional<JsonNode> body = call.jsonObject();
		if (body.isEmpty()) {
			OpenAiStyleErrors.send(call, 400, "Request body must be a JSON object", "invalid_request_error", null,
					"invalid_json");
			return;
		}
		for (String required : new String[] { "model", "prompt" }) {
			JsonNode value = body.get().get(required);
			if (value == null || !value.isString() || value.asString().isBlank()) {
				OpenAiStyleErrors.send(call, 400, "Missing required parameter: '" + required + "'",
						"invalid_request_error", required, "missing_required_parameter");
				return;
			}
		}
		for (String integer : new String[] { "duration", "fps" }) {
			JsonNode value = body.get().get(integer);
			if (value != null && !value.isIntegralNumber()) {
				OpenAiStyleErrors.send(call, 400, "Invalid type for '" + integer + "': expected an integer",
						"invalid_request_error", integer, "invalid_type");
				return;
			}
		}
		SimulatedTask task = this.simulation.create(name(), Ids.taskIdOf(name()), body.get().get("model").asString(),
				call.jsonPrompt());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", task.id());
		answer.put("status", "processing");
		answer.put("created_at", task.createdAt().getEpochSecond());
		call.sendJson(200, answer);
	}

	private void status(ApiCall call, String id) throws IOException {
		Optional<SimulatedTask> found = this.simulation.tasks().find(name(), id);
		if (!call.admitAbout(Operation.STATUS, found, id)) {
			return;
		}
		if (found.isEmpty()) {
			OpenAiStyleErrors.send(call, 404, "Video task not found: " + id, "invalid_request_error", "id",
					"not_found");
			return;
		}
		SimulatedTask task = found.get();
		Instant now = this.simulation.now();
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
				answer.put("video_url", this.simulation.fileUrl(task, this.simulation.urlExpiry(task)).toString());
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
		call.sendJson(200, answer);
	}

}
