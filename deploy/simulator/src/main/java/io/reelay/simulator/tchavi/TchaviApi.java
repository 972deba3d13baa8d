package io.reelay.simulator.tchavi;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.simulator.ApiCall;
import io.reelay.simulator.Ids;
import io.reelay.simulator.ProviderApi;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;
import io.reelay.simulator.fault.Operation;
import tools.jackson.databind.JsonNode;

/**
 * tchavi's API, based at {@code /tchavi/api}: {@code POST /v1/videos/generations} answers
 * 202 with the job, {@code GET /v1/jobs/{id}} polls it, {@code GET
 * /v1/jobs?status&limit&offset} lists jobs.
 */
public final class TchaviApi extends ProviderApi {

	public static final String BASE_PATH = "/tchavi/api";

	private static final String JOBS = "/v1/jobs";

	private final TchaviJobs jobs;

	private final Map<String, TchaviOrder> orders = new ConcurrentHashMap<>();

	public TchaviApi(Simulation simulation) {
		super("tchavi", new TchaviErrors(), simulation);
		this.jobs = new TchaviJobs(simulation);
	}

	@Override
	public String basePath() {
		return BASE_PATH;
	}

	@Override
	public void serve(ApiCall call) throws IOException {
		String path = call.path();
		boolean get = call.method().equals("GET");
		if (path.equals("/v1/videos/generations") && call.method().equals("POST")) {
			create(call);
		}
		else if (path.equals(JOBS) && get) {
			list(call);
		}
		else if (path.startsWith(JOBS + "/") && get) {
			poll(call, path.substring(JOBS.length() + 1));
		}
		else {
			TchaviErrors.send(call, 404, "not_found", "No route for " + call.method() + " " + path);
		}
	}

	private void create(ApiCall call) throws IOException {
		if (!call.admitCreation()) {
			return;
		}
		Optional<JsonNode> body = call.jsonObject();
		if (body.isEmpty()) {
			TchaviErrors.invalid(call, "body must be a JSON object");
			return;
		}
		Optional<String> problem = TchaviValidation.problemWith(body.get());
		if (problem.isPresent()) {
			TchaviErrors.invalid(call, problem.get());
			return;
		}
		SimulatedTask task = this.simulation.create(name(), Ids.taskIdOf(name()), body.get().get("model").asString(),
				call.jsonPrompt());
		TchaviOrder order = TchaviOrder.of(body.get());
		this.orders.put(task.id(), order);
		// The document's submission answer says processing, whatever the queue does.
		call.sendJson(202, this.jobs.describe(task, order, "processing"));
	}

	private void poll(ApiCall call, String id) throws IOException {
		Optional<SimulatedTask> found = this.simulation.tasks().find(name(), id);
		if (!call.admitAbout(Operation.STATUS, found, id)) {
			return;
		}
		if (found.isEmpty()) {
			TchaviErrors.send(call, 404, "not_found", "Job " + id + " not found");
			return;
		}
		call.sendJson(200, describe(found.get(), this.simulation.now()));
	}

	private void list(ApiCall call) throws IOException {
		if (!call.admit(Operation.STATUS, null, null)) {
			return;
		}
		Optional<String> status = call.query("status");
		if (status.isPresent() && !List.of("pending", "processing", "completed", "failed").contains(status.get())) {
			TchaviErrors.invalid(call, "status must be one of pending, processing, completed, failed");
			return;
		}
		Optional<Integer> limit = number(call.query("limit"), 20, 1, 100);
		Optional<Integer> offset = number(call.query("offset"), 0, 0, Integer.MAX_VALUE);
		if (limit.isEmpty() || offset.isEmpty()) {
			TchaviErrors.invalid(call, limit.isEmpty() ? "limit must be an integer from 1 to 100"
					: "offset must be a non-negative integer");
			return;
		}
		Instant now = this.simulation.now();
		List<Map<String, Object>> matching = this.simulation.tasks()
			.all()
			.stream()
			.filter((task) -> task.provider().equals(name()))
			.sorted(Comparator.comparing(SimulatedTask::createdAt).reversed())
			.map((task) -> describe(task, now))
			.filter((job) -> status.isEmpty() || status.get().equals(job.get("status")))
			.toList();
		List<Map<String, Object>> page = matching.stream().skip(offset.get()).limit(limit.get()).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("object", "list");
		answer.put("data", page);
		answer.put("total", matching.size());
		answer.put("limit", limit.get());
		answer.put("offset", offset.get());
		answer.put("has_more", offset.get() + page.size() < matching.size());
		call.sendJson(200, answer);
	}

	private Map<String, Object> describe(SimulatedTask task, Instant now) {
		// seeded jobs came without a request
		TchaviOrder order = this.orders.getOrDefault(task.id(), TchaviOrder.DEFAULT);
		return this.jobs.describe(task, order, TchaviJobs.statusOf(task, now));
	}

	private static Optional<Integer> number(Optional<String> text, int fallback, int min, int max) {
		if (text.isEmpty()) {
			return Optional.of(fallback);
		}
		if (!text.get().matches("\\d{1,9}")) {
			return Optional.empty();
		}
		int value = Integer.parseInt(text.get());
		return (value >= min && value <= max) ? Optional.of(value) : Optional.empty();
	}

}
