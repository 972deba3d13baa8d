package io.reelay.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every job the simulator accepted, how often each video was downloaded, and how many
 * calls of each kind arrived.
 */
public final class TaskBook {

	private final Map<String, SimulatedTask> tasks = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> downloads = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration generationTime;

	TaskBook(Clock clock, Duration generationTime) {
		this.clock = clock;
		this.generationTime = generationTime;
	}

	SimulatedTask create(String provider, String id, String model, String prompt, Scenario scenario) {
		SimulatedTask task = new SimulatedTask(id, provider, model, prompt, scenario, this.clock.instant(),
				this.generationTime);
		if (this.tasks.putIfAbsent(id, task) != null) {
			throw new IllegalStateException("task id used twice: " + id);
		}
		return task;
	}

	public Optional<SimulatedTask> find(String id) {
		return Optional.ofNullable(this.tasks.get(id));
	}

	/** A task of one provider; another provider's task is as unknown as a made-up id. */
	public Optional<SimulatedTask> find(String provider, String id) {
		return find(id).filter((task) -> task.provider().equals(provider));
	}

	public Collection<SimulatedTask> all() {
		return this.tasks.values();
	}

	void countDownload(String id) {
		this.downloads.computeIfAbsent(id, (key) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * Counts calls of one kind about one thing (a prompt, a task), returning this call's
	 * number from 1.
	 */
	public long countCall(String kind, String about) {
		return this.calls.computeIfAbsent(kind + "|" + about, (key) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * Counts a create call, for its provider and for all providers, returning its number
	 * for its provider from 1.
	 */
	long countCreate(String provider, String prompt) {
		countCall("create", prompt);
		return countCall("create@" + provider, prompt);
	}

	/**
	 * How many calls of one kind about one thing arrived: {@code "create"} with a prompt
	 * (all providers together), {@code "status"} or {@code "retrieve"} with a task id.
	 */
	public long callsOf(String kind, String about) {
		AtomicLong count = this.calls.get(kind + "|" + about);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * How many create calls with this prompt one provider received (the key was right,
	 * whatever the answer).
	 */
	public long createCalls(String provider, String prompt) {
		return callsOf("create@" + provider, prompt);
	}

	/** How many times the video of a task was served in full or in part. */
	public long downloadsOf(String id) {
		AtomicLong count = this.downloads.get(id);
		return (count != null) ? count.get() : 0;
	}

	public Clock clock() {
		return this.clock;
	}

}
