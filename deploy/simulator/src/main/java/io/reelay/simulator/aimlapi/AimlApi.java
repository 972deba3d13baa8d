package io.reelay.simulator.aimlapi;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Ids;
import io.reelay.simulator.ProviderApi;
import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.fault.Operation;
import tools.jackson.databind.JsonNode;

/**
 * The AI/ML API for {@code video-01}: {@code POST /v2/video/generations} answers
 * {@code {id, status}}; {@code GET /v2/video/generations?generation_id=} answers the
 * generation with nullable {@code video}, {@code error} and {@code meta}. Credits are
 * charged at submission; the finished generation reports them.
 */
public final class AimlApi extends ProviderApi {

	static final String GENERATIONS = "/v2/video/generations";

	/** What a finished {@code video-01} generation reports in {@code meta.usage}. */
	static final long CREDITS_PER_VIDEO = 1_050_000;

	public AimlApi(Simulation simulation) {
		super("aimlapi", new AimlErrors(), simulation);
	}

	@Override
	public void serve(ApiCall call) throws IOException {
		if (!call.path().equals(GENERATIONS)) {
			AimlErrors.send(call, 404, "Cannot " + call.method() + " " + call.path(), null);
		}
		else if (call.method().equals("POST")) {
			create(call);
		}
		else if (call.method().equals("GET")) {
			poll(call);
		}
		else {
			AimlErrors.send(call, 405, "Method not allowed", null);
		}
	}

	private void create(ApiCall call) throws IOException {
		if (!call.admitCreation()) {
			return;
		}
		Optional<JsonNode> body = call.jsonObject();
		List<Map<String, Object>> issues = AimlValidation.issuesWith(body.orElse(null));
		if (!issues.isEmpty()) {
			AimlErrors.send(call, 400, "Body validation error!", issues);
			return;
		}
		SimulatedTask task = this.simulation.create(name(), Ids.taskIdOf(name()), AimlValidation.MODEL,
				call.jsonPrompt());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", task.id());
		answer.put("status", "queued");
		call.sendJson(200, answer);
	}

	private void poll(ApiCall call) throws IOException {
		Optional<String> id = call.query("generation_id").filter((value) -> !value.isBlank());
		Optional<SimulatedTask> found = id.flatMap((value) -> this.simulation.tasks().find(name(), value));
		if (!call.admitAbout(Operation.STATUS, found, id.orElse(null))) {
			return;
		}
		if (id.isEmpty()) {
			AimlErrors.send(call, 400, "Query validation error!",
					List.of(Map.of("code", "invalid_type", "path", List.of("generation_id"), "message", "Required")));
			return;
		}
		if (found.isEmpty()) {
			AimlErrors.send(call, 404, "Generation not found", null);
			return;
		}
		call.sendJson(200, describe(found.get(), this.simulation.now()));
	}

	private Map<String, Object> describe(SimulatedTask task, Instant now) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", task.id());
		answer.put("status", switch (task.stateAt(now)) {
			case QUEUED -> "queued";
			case RUNNING -> "generating";
			case SUCCEEDED -> "completed";
			case FAILED -> "error";
		});
		boolean done = task.stateAt(now) == SimulatedTask.State.SUCCEEDED;
		boolean failed = task.stateAt(now) == SimulatedTask.State.FAILED;
		answer.put("video",
				done ? Map.of("url", this.simulation.fileUrl(task, this.simulation.urlExpiry(task)).toString()) : null);
		answer.put("error", failed ? errorOf(task) : null);
		// credits are charged at submission, so a failed generation reports them too
		answer.put("meta", (done || failed) ? Map.of("usage", Map.of("credits_used", CREDITS_PER_VIDEO)) : null);
		return answer;
	}

	private static Map<String, Object> errorOf(SimulatedTask task) {
		if (task.scenario() == Scenario.CONTENT_POLICY) {
			return Map.of("name", "ContentPolicyViolationError", "message",
					"The generation was blocked by the content policy");
		}
		return Map.of("name", "GenerationError", "message", "Video generation failed, please try again");
	}

}
