package io.reelay.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

import io.reelay.simulator.fault.FaultBook;
import io.reelay.simulator.mp4.Mp4Generator;
import io.reelay.simulator.mp4.VideoSpec;

/**
 * What the simulated APIs share: the settings, the task book, the fault rules, the rate
 * limits, the request log and the signed video URLs.
 */
public final class Simulation {

	private final SimulatorSettings settings;

	private final TaskBook tasks;

	private final FaultBook faults;

	private final RequestLog requests = new RequestLog();

	private final SignedUrls urls = new SignedUrls();

	private final RateLimits rateLimits;

	private final Supplier<URI> root;

	private final Map<String, String> basePaths;

	/**
	 * @param root where the server listens, known once it is bound
	 * @param basePaths the base path of each provider's API
	 */
	Simulation(SimulatorSettings settings, TaskBook tasks, FaultBook faults, Supplier<URI> root,
			Map<String, String> basePaths) {
		this.settings = settings;
		this.tasks = tasks;
		this.faults = faults;
		this.root = root;
		this.basePaths = Map.copyOf(basePaths);
		this.rateLimits = new RateLimits(basePaths.keySet(), System::nanoTime);
	}

	public SimulatorSettings settings() {
		return this.settings;
	}

	public TaskBook tasks() {
		return this.tasks;
	}

	public FaultBook faults() {
		return this.faults;
	}

	RequestLog requests() {
		return this.requests;
	}

	RateLimits rateLimits() {
		return this.rateLimits;
	}

	SignedUrls urls() {
		return this.urls;
	}

	public Instant now() {
		return this.tasks.clock().instant();
	}

	/**
	 * Accepts a job: its outcome from a {@code GENERATION} fault rule if one matches,
	 * else from the markers in its prompt (see {@link TaskBook}).
	 */
	public SimulatedTask create(String provider, String id, String model, String prompt) {
		return this.tasks.create(provider, id, model, prompt);
	}

	/** The base URL of a provider's API, e.g. {@code http://127.0.0.1:8089/minimax}. */
	public URI baseUrl(String provider) {
		String path = this.basePaths.get(provider);
		if (path == null) {
			throw new IllegalArgumentException(
					"no simulated provider '" + provider + "', known: " + this.basePaths.keySet());
		}
		return URI.create(this.root.get() + path);
	}

	/** The server's root, e.g. {@code http://127.0.0.1:8089}. */
	public URI root() {
		return this.root.get();
	}

	public Duration urlTtl(String provider) {
		return this.settings.urlTtlOf(provider);
	}

	/**
	 * When the video URL of a finished task expires, counted from its completion (the way
	 * a link minted once at the end of a job ages).
	 */
	public Instant urlExpiry(SimulatedTask task) {
		return task.finishedAt().plus(urlTtl(task.provider()));
	}

	/** The signed, expiring URL of a task's video file. */
	public URI fileUrl(SimulatedTask task, Instant expiresAt) {
		return URI.create(this.root.get() + VideoFiles.pathOf(task) + "?"
				+ this.urls.query(task.provider(), task.id(), expiresAt));
	}

	/**
	 * The video a task serves: of the size its prompt's {@link SizeMarker} asks for, else
	 * of the settings' size, else a small clip.
	 */
	public VideoSpec videoSpec(SimulatedTask task) {
		long bytes = SizeMarker.in(task.prompt()).orElse(this.settings.videoBytes());
		return (bytes > 0) ? VideoSpec.ofAtLeast(bytes, task.videoSeed()) : VideoSpec.small(task.videoSeed());
	}

	public long videoSize(SimulatedTask task) {
		return Mp4Generator.size(videoSpec(task));
	}

}
