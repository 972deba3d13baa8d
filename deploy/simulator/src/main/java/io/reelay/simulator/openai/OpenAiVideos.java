package io.reelay.simulator.openai;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.Simulation;

/**
 * The video objects: which tasks exist (not deleted), what each was asked for, and their
 * JSON with the coarse progress of the gateway (0, 50, 100).
 */
final class OpenAiVideos {

	/** What a job was asked for, echoed in its object. */
	record Order(String seconds, String size) {
	}

	private final Simulation simulation;

	private final Map<String, Order> orders = new ConcurrentHashMap<>();

	private final Set<String> deleted = ConcurrentHashMap.newKeySet();

	OpenAiVideos(Simulation simulation) {
		this.simulation = simulation;
	}

	void add(SimulatedTask task, Order order) {
		this.orders.put(task.id(), order);
	}

	Optional<SimulatedTask> find(String id) {
		return this.simulation.tasks().find("openai", id).filter((task) -> !this.deleted.contains(id));
	}

	boolean delete(String id) {
		return find(id).isPresent() && this.deleted.add(id);
	}

	/**
	 * When the content stops being served: the provider's URL lifetime after completion.
	 */
	Instant expiresAt(SimulatedTask task) {
		return this.simulation.urlExpiry(task);
	}

	Map<String, Object> describe(SimulatedTask task, Instant now) {
		Order order = this.orders.getOrDefault(task.id(), new Order("8", "1280x720"));
		Map<String, Object> video = new LinkedHashMap<>();
		video.put("id", task.id());
		video.put("task_id", task.id());
		video.put("object", "video");
		video.put("model", task.model());
		SimulatedTask.State state = task.stateAt(now);
		video.put("status", switch (state) {
			case QUEUED -> "queued";
			case RUNNING -> "in_progress";
			case SUCCEEDED -> "completed";
			case FAILED -> "failed";
		});
		video.put("progress", switch (state) {
			case QUEUED -> 0;
			case RUNNING -> 50;
			case SUCCEEDED -> 100;
			case FAILED -> 0;
		});
		video.put("created_at", task.createdAt().getEpochSecond());
		video.put("seconds", order.seconds());
		video.put("size", order.size());
		if (state == SimulatedTask.State.SUCCEEDED) {
			video.put("completed_at", task.finishedAt().getEpochSecond());
			video.put("expires_at", expiresAt(task).getEpochSecond());
		}
		// The gateway's documented quirk: a failed job may carry no error at all; only a
		// refusal on content grounds says why.
		if (state == SimulatedTask.State.FAILED && task.scenario() == Scenario.CONTENT_POLICY) {
			video.put("error", Map.of("code", "content_policy_violation", "message",
					"The generated video was blocked by content moderation"));
		}
		return video;
	}

}
