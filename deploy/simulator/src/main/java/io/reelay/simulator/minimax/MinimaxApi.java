package io.reelay.simulator.minimax;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Ids;
import io.reelay.simulator.ProviderApi;
import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.fault.Operation;
import tools.jackson.databind.JsonNode;

/**
 * MiniMax's video API: submit ({@code POST /v1/video_generation}), query ({@code GET
 * /v1/query/video_generation?task_id=}), file retrieve ({@code GET
 * /v1/files/retrieve?file_id=}) for a download URL valid 9 hours. Errors come in
 * {@code base_resp}, mostly with HTTP 200.
 */
public final class MinimaxApi extends ProviderApi {

	private final MinimaxFiles files = new MinimaxFiles();

	private final Map<String, String> resolutions = new ConcurrentHashMap<>();

	public MinimaxApi(Simulation simulation) {
		super("minimax", new MinimaxErrors(), simulation);
	}

	@Override
	public void serve(ApiCall call) throws IOException {
		String route = call.method() + " " + call.path();
		switch (route) {
			case "POST /v1/video_generation" -> create(call);
			case "GET /v1/query/video_generation" -> query(call);
			case "GET /v1/files/retrieve" -> retrieve(call);
			default -> MinimaxErrors.send(call, 404, 1000, "unknown error, no such endpoint: " + route);
		}
	}

	private void create(ApiCall call) throws IOException {
		if (!call.admitCreation()) {
			return;
		}
		Optional<JsonNode> body = call.jsonObject();
		if (body.isEmpty()) {
			MinimaxErrors.invalidParams(call, "the body must be a JSON object");
			return;
		}
		Optional<String> problem = MinimaxValidation.problemWith(body.get());
		if (problem.isPresent()) {
			MinimaxErrors.invalidParams(call, problem.get());
			return;
		}
		// a MiniMax job from a first frame alone may have no prompt
		String prompt = Objects.requireNonNullElse(call.jsonPrompt(), "");
		SimulatedTask task = this.simulation.create(name(), Ids.taskIdOf(name()), body.get().get("model").asString(),
				prompt);
		this.resolutions.put(task.id(), MinimaxValidation.resolutionOf(body.get()));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("task_id", task.id());
		answer.put("base_resp", MinimaxErrors.success());
		call.sendJson(200, answer);
	}

	private void query(ApiCall call) throws IOException {
		Optional<String> taskId = call.query("task_id").filter((id) -> !id.isBlank());
		Optional<SimulatedTask> found = taskId.flatMap((id) -> this.simulation.tasks().find(name(), id));
		if (!call.admitAbout(Operation.STATUS, found, taskId.orElse(null))) {
			return;
		}
		if (found.isEmpty()) {
			MinimaxErrors.invalidParams(call, taskId.isEmpty() ? "task_id: required" : "task_id: no such task");
			return;
		}
		SimulatedTask task = found.get();
		Instant now = this.simulation.now();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("task_id", task.id());
		answer.put("status", statusOf(task, now));
		boolean success = task.stateAt(now) == SimulatedTask.State.SUCCEEDED;
		// seeded jobs came without a request
		String resolution = this.resolutions.getOrDefault(task.id(),
				MinimaxValidation.defaultResolutionOf(task.model()));
		int[] frame = MinimaxValidation.FRAME_SIZES.getOrDefault(resolution, new int[] { 0, 0 });
		answer.put("file_id", success ? Long.toString(this.files.fileIdOf(task.id())) : "");
		answer.put("video_width", success ? frame[0] : 0);
		answer.put("video_height", success ? frame[1] : 0);
		// A job refused for its output is reported with the reason's code; any other
		// failed job only says Fail, the query itself having succeeded.
		boolean refused = task.stateAt(now) == SimulatedTask.State.FAILED && task.scenario() == Scenario.CONTENT_POLICY;
		answer.put("base_resp", refused ? MinimaxErrors.baseResp(MinimaxErrors.SENSITIVE_OUTPUT, "output new_sensitive")
				: MinimaxErrors.success());
		call.sendJson(200, answer);
	}

	private void retrieve(ApiCall call) throws IOException {
		Optional<String> fileId = call.query("file_id").filter((id) -> id.matches("\\d{1,18}"));
		Optional<SimulatedTask> found = fileId.flatMap((id) -> this.files.taskIdOf(Long.parseLong(id)))
			.flatMap((id) -> this.simulation.tasks().find(name(), id));
		if (!call.admitAbout(Operation.RETRIEVE, found, found.map(SimulatedTask::id).orElse(null))) {
			return;
		}
		if (found.isEmpty()) {
			MinimaxErrors.invalidParams(call, fileId.isEmpty() ? "file_id: must be a number" : "file_id: no such file");
			return;
		}
		SimulatedTask task = found.get();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("file_id", Long.parseLong(fileId.get()));
		file.put("bytes", this.simulation.videoSize(task));
		file.put("created_at", task.finishedAt().getEpochSecond());
		file.put("filename", "output.mp4");
		file.put("purpose", "video_generation");
		// Each retrieve signs a fresh link, valid 9 hours from now.
		Instant expiresAt = this.simulation.now().plus(this.simulation.urlTtl(name()));
		file.put("download_url", this.simulation.fileUrl(task, expiresAt).toString());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("file", file);
		answer.put("base_resp", MinimaxErrors.success());
		call.sendJson(200, answer);
	}

	private static String statusOf(SimulatedTask task, Instant now) {
		return switch (task.stateAt(now)) {
			case QUEUED -> (task.progressAt(now) < 10) ? "Preparing" : "Queueing";
			case RUNNING -> "Processing";
			case SUCCEEDED -> "Success";
			case FAILED -> "Fail";
		};
	}

}
