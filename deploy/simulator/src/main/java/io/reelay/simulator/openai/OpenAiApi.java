package io.reelay.simulator.openai;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Ids;
import io.reelay.simulator.OpenAiStyleErrors;
import io.reelay.simulator.ProviderApi;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.fault.Operation;
import io.reelay.simulator.openai.OpenAiErrors.Problem;

/**
 * The OpenAI-compatible videos API of the APIYI gateway (and OpenAI's own):
 * {@code POST /v1/videos} (JSON or multipart), {@code GET /v1/videos/{id}}, {@code GET
 * /v1/videos/{id}/content} (the MP4 itself, API key required), {@code GET /v1/videos},
 * {@code DELETE /v1/videos/{id}}.
 */
public final class OpenAiApi extends ProviderApi {

	private static final String VIDEOS = "/v1/videos";

	private final OpenAiVideos videos;

	private final OpenAiContent content;

	public OpenAiApi(Simulation simulation) {
		super("openai", new OpenAiErrors(), simulation);
		this.videos = new OpenAiVideos(simulation);
		this.content = new OpenAiContent(simulation, this.videos);
	}

	@Override
	public void serve(ApiCall call) throws IOException {
		String path = call.path();
		String method = call.method();
		String[] below = path.startsWith(VIDEOS + "/") ? path.substring(VIDEOS.length() + 1).split("/") : new String[0];
		if (path.equals(VIDEOS) && method.equals("POST")) {
			create(call);
		}
		else if (path.equals(VIDEOS) && method.equals("GET")) {
			list(call);
		}
		else if (below.length == 1 && method.equals("GET")) {
			retrieve(call, below[0]);
		}
		else if (below.length == 1 && method.equals("DELETE")) {
			delete(call, below[0]);
		}
		else if (below.length == 2 && below[1].equals("content") && method.equals("GET")) {
			this.content.serve(call, below[0]);
		}
		else {
			OpenAiStyleErrors.send(call, 404, "Invalid URL (" + method + " " + path + ")", "invalid_request_error",
					null, "unknown_url");
		}
	}

	private void create(ApiCall call) throws IOException {
		Optional<OpenAiRequest> request = OpenAiRequest.read(call);
		if (!call.admit(Operation.CREATE, request.flatMap(OpenAiRequest::prompt).orElse(null), null)) {
			return;
		}
		if (request.isEmpty()) {
			OpenAiErrors.send(call, Problem.invalid(null, "parse_request_failed",
					"parse_request_failed: the body is neither a JSON object nor multipart/form-data"));
			return;
		}
		Optional<Problem> problem = OpenAiValidation.problemWith(request.get());
		if (problem.isPresent()) {
			OpenAiErrors.send(call, problem.get());
			return;
		}
		SimulatedTask task = this.simulation.create(name(), Ids.taskIdOf(name()), request.get().model(),
				request.get().prompt().orElseThrow());
		this.videos.add(task, new OpenAiVideos.Order(request.get().seconds(), request.get().size()));
		call.sendJson(200, this.videos.describe(task, task.createdAt()));
	}

	private void retrieve(ApiCall call, String id) throws IOException {
		Optional<SimulatedTask> found = this.videos.find(id);
		if (!call.admitAbout(Operation.STATUS, found, id)) {
			return;
		}
		if (found.isEmpty()) {
			notFound(call, id);
			return;
		}
		Instant now = this.simulation.now();
		SimulatedTask.State state = found.get().stateAt(now);
		if (state == SimulatedTask.State.QUEUED || state == SimulatedTask.State.RUNNING) {
			// The OpenAI SDK waits this long before its next poll.
			long pollAfter = Math.max(50, found.get().generationTime().toMillis() / 5);
			call.setHeader("openai-poll-after-ms", Long.toString(pollAfter));
		}
		call.sendJson(200, this.videos.describe(found.get(), now));
	}

	private void list(ApiCall call) throws IOException {
		if (!call.admit(Operation.STATUS, null, null)) {
			return;
		}
		int limit = call.query("limit").filter((text) -> text.matches("\\d{1,3}")).map(Integer::parseInt).orElse(20);
		boolean ascending = call.query("order").filter("asc"::equals).isPresent();
		Comparator<SimulatedTask> byAge = Comparator.comparing(SimulatedTask::createdAt);
		List<SimulatedTask> all = this.simulation.tasks()
			.all()
			.stream()
			.filter((task) -> this.videos.find(task.id()).isPresent())
			.sorted(ascending ? byAge : byAge.reversed())
			.toList();
		int start = call.query("after")
			.map((after) -> all.stream().map(SimulatedTask::id).toList().indexOf(after) + 1)
			.orElse(0);
		List<SimulatedTask> page = all.subList(start, Math.min(all.size(), start + Math.max(1, Math.min(limit, 100))));
		Instant now = this.simulation.now();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("object", "list");
		answer.put("data", page.stream().map((task) -> this.videos.describe(task, now)).toList());
		answer.put("first_id", page.isEmpty() ? null : page.get(0).id());
		answer.put("last_id", page.isEmpty() ? null : page.get(page.size() - 1).id());
		answer.put("has_more", start + page.size() < all.size());
		call.sendJson(200, answer);
	}

	private void delete(ApiCall call, String id) throws IOException {
		if (!this.videos.delete(id)) {
			notFound(call, id);
			return;
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("id", id);
		answer.put("object", "video.deleted");
		answer.put("deleted", true);
		call.sendJson(200, answer);
	}

	static void notFound(ApiCall call, String id) throws IOException {
		OpenAiStyleErrors.send(call, 404, "Video with id '" + id + "' not found.", "invalid_request_error", null,
				"video_not_found");
	}

}
