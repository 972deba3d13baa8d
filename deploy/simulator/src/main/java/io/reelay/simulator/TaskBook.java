package io.reelay.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Every job the simulator accepted, and how often each video was downloaded. */
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

	SimulatedTask create(String provider, String idPrefix, String model, String prompt) {
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		String id = idPrefix + HexFormat.of().formatHex(random);
		SimulatedTask task = new SimulatedTask(id, provider, model, prompt, Scenario.fromPrompt(prompt),
				this.clock.instant(), this.generationTime);
		this.tasks.put(id, task);
		return task;
	}

	public Optional<SimulatedTask> find(String id) {
		return Optional.ofNullable(this.tasks.get(id));
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
	 * How many calls of one kind about one thing (e.g. {@code "create"} with a prompt)
	 * arrived.
	 */
	public long callsOf(String kind, String about) {
		AtomicLong count = this.calls.get(kind + "|" + about);
		return (count != null) ? count.get() : 0;
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
