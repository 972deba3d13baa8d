package io.reelay.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.reelay.simulator.generic.GenericApi;
import io.reelay.simulator.mp4.Mp4Generator;

/**
 * An HTTP server that behaves like the video providers' APIs, for tests and the local
 * stack: jobs take a configurable time, need the configured API key, and end in a real
 * MP4 (or in the failure their prompt asks for, see {@link Scenario}).
 */
public final class ProviderSimulator implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private final TaskBook tasks;

	private final VideoFiles files;

	private final SimulatorSettings settings;

	private ProviderSimulator(SimulatorSettings settings) throws IOException {
		this.settings = settings;
		this.tasks = new TaskBook(Clock.systemUTC(), settings.generationTime());
		this.files = new VideoFiles(this.tasks, settings.videoBytes());
		this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 200);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(32, (runnable) -> {
			Thread thread = new Thread(runnable, "simulator-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext(GenericApi.PATH,
				new GenericApi(this.tasks, settings.apiKey(),
						(model, prompt) -> this.tasks.create("generic", "video_", model, prompt),
						(task) -> baseUrl() + VideoFiles.urlPath(task)));
		this.server.createContext(VideoFiles.PATH, this.files);
	}

	public static ProviderSimulator start(SimulatorSettings settings) throws IOException {
		ProviderSimulator simulator = new ProviderSimulator(settings);
		simulator.server.start();
		return simulator;
	}

	/** Where the APIs are served, e.g. {@code http://127.0.0.1:41234}. */
	public URI baseUrl() {
		return URI.create("http://" + this.settings.host() + ":" + this.server.getAddress().getPort());
	}

	public String apiKey() {
		return this.settings.apiKey();
	}

	public TaskBook tasks() {
		return this.tasks;
	}

	/** The exact bytes the simulator serves for a task's video. */
	public byte[] videoOf(String taskId) {
		SimulatedTask task = this.tasks.find(taskId)
			.orElseThrow(() -> new IllegalArgumentException("no such task: " + taskId));
		return Mp4Generator.bytes(this.files.specOf(task));
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
