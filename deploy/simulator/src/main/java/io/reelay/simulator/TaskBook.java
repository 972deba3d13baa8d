package io.reelay.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultBook;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;

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

	private final FaultBook faults;

	/**
	 * @param generationTime how long a job takes unless its prompt says otherwise
	 * @param faults where {@code GENERATION} rules decide the outcome of new jobs
	 */
	TaskBook(Clock clock, Duration generationTime, FaultBook faults) {
		this.clock = clock;
		this.generationTime = generationTime;
		this.faults = faults;
	}

	/**
	 * Accepts a job a create call asked for. Its outcome comes from a {@code GENERATION}
	 * fault rule if one matches, else from the {@link Scenario} marker in its prompt; it
	 * takes the time of a {@link TakesMarker} in its prompt, else the settings'.
	 */
	SimulatedTask create(String provider, String id, String model, String prompt) {
		return add(provider, id, model, prompt, null);
	}

	/**
	 * Creates a job without HTTP, for benchmarks that need many: as the provider's create
	 * call would (an id in its shape, the outcome from fault rules and prompt markers),
	 * but counting no create call. Status calls find it like any other job.
	 * @param provider generic, minimax, aimlapi, tchavi or openai
	 * @param prompt its markers apply as in a create call; {@code null} for none
	 * @param generationTime how long it takes, over any {@code [sim:takes=…]} in the
	 * prompt; {@code null} for what a create call would take
	 */
	public SimulatedTask seed(String provider, String model, String prompt, Duration generationTime) {
		if (generationTime != null && generationTime.isNegative()) {
			throw new IllegalArgumentException("generationTime must be zero or more, got " + generationTime);
		}
		return add(provider, Ids.taskIdOf(provider), model, Objects.requireNonNullElse(prompt, ""), generationTime);
	}

	private SimulatedTask add(String provider, String id, String model, String prompt, Duration generationTime) {
		Scenario scenario = this.faults.take(provider, Operation.GENERATION, prompt)
			.map(TaskBook::outcomeOf)
			.orElseGet(() -> Scenario.fromPrompt(prompt));
		Duration time = (generationTime != null) ? generationTime : TakesMarker.in(prompt).orElse(this.generationTime);
		SimulatedTask task = new SimulatedTask(id, provider, model, prompt, scenario, this.clock.instant(), time);
		if (this.tasks.putIfAbsent(id, task) != null) {
			throw new IllegalStateException("task id used twice: " + id);
		}
		return task;
	}

	private static Scenario outcomeOf(FaultRule rule) {
		return (rule.fault() == Fault.CONTENT_POLICY) ? Scenario.CONTENT_POLICY : Scenario.FAIL;
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
