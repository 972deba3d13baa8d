package io.reelay.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.reelay.simulator.aimlapi.AimlApi;
import io.reelay.simulator.fault.FaultBook;
import io.reelay.simulator.generic.GenericApi;
import io.reelay.simulator.minimax.MinimaxApi;
import io.reelay.simulator.mp4.Mp4Generator;
import io.reelay.simulator.openai.OpenAiApi;
import io.reelay.simulator.tchavi.TchaviApi;

/**
 * An HTTP server that behaves like the video providers' APIs, for tests and the local
 * stack: every provider below its own prefix ({@link #baseUrl(String)}), jobs that take a
 * configurable time, need the configured API key, and end in a real MP4 (or in the
 * failure their prompt asks for, see {@link Scenario}), switchable faults
 * ({@link #faults()}) and rate limits ({@link #rateLimits()}).
 */
public final class ProviderSimulator implements AutoCloseable {

	private static final String NO_DELAY = "sun.net.httpserver.nodelay";

	static {
		// The JDK server writes a response's headers and body separately; with Nagle's
		// algorithm on, the body then waits for the client's delayed ACK, about 40 ms,
		// capping each connection at some 20 calls a second. The JDK reads this once,
		// before its first server starts; an explicit setting wins.
		if (System.getProperty(NO_DELAY) == null) {
			System.setProperty(NO_DELAY, "true");
		}
	}

	private final HttpServer server;

	private final ExecutorService executor;

	private final Simulation simulation;

	private final Map<String, ProviderApi> apis = new LinkedHashMap<>();

	private ProviderSimulator(SimulatorSettings settings) throws IOException {
		FaultBook faults = (settings.faultFile() != null) ? new FaultBook(settings.faultFile()) : new FaultBook();
		TaskBook tasks = new TaskBook(Clock.systemUTC(), settings.generationTime(), faults);
		this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 200);
		this.simulation = new Simulation(settings, tasks, faults, this::baseUrl, basePaths());
		for (ProviderApi api : List.of(new GenericApi(this.simulation), new MinimaxApi(this.simulation),
				new AimlApi(this.simulation), new TchaviApi(this.simulation), new OpenAiApi(this.simulation))) {
			this.apis.put(api.name(), api);
			this.server.createContext(api.basePath() + "/", new ApiHandler(api, this.simulation));
			this.server.createContext(VideoFiles.basePathOf(api.name()) + "/",
					new VideoFiles(api.name(), this.simulation));
		}
		this.server.createContext("/", this::index);
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newFixedThreadPool(32, (runnable) -> {
			Thread thread = new Thread(runnable, "simulator-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
	}

	public static ProviderSimulator start(SimulatorSettings settings) throws IOException {
		ProviderSimulator simulator = new ProviderSimulator(settings);
		simulator.server.start();
		return simulator;
	}

	/** The server's root, e.g. {@code http://127.0.0.1:41234}. */
	public URI baseUrl() {
		return URI.create("http://" + this.simulation.settings().host() + ":" + this.server.getAddress().getPort());
	}

	/**
	 * The base URL to configure for a provider, e.g.
	 * {@code http://127.0.0.1:41234/minimax} ({@code …/tchavi/api} for tchavi).
	 */
	public URI baseUrl(String provider) {
		return this.simulation.baseUrl(provider);
	}

	/** The provider keys served: generic, minimax, aimlapi, tchavi, openai. */
	public List<String> providers() {
		return List.copyOf(this.apis.keySet());
	}

	public String apiKey() {
		return this.simulation.settings().apiKey();
	}

	public SimulatorSettings settings() {
		return this.simulation.settings();
	}

	public TaskBook tasks() {
		return this.simulation.tasks();
	}

	/** The fault rules in force: add, clear. */
	public FaultBook faults() {
		return this.simulation.faults();
	}

	/** The rate limit of each provider's API calls: limit, clear, counts. */
	public RateLimits rateLimits() {
		return this.simulation.rateLimits();
	}

	/** The last requests a provider's API and file URLs received, oldest first. */
	public List<ReceivedRequest> received(String provider) {
		return this.simulation.requests().of(provider);
	}

	public RequestLog requests() {
		return this.simulation.requests();
	}

	/** The exact bytes the simulator serves for a task's video. */
	public byte[] videoOf(String taskId) {
		return Mp4Generator.bytes(this.simulation.videoSpec(task(taskId)));
	}

	/**
	 * A signed file URL of a task's video, valid for its provider's URL lifetime from
	 * now, whatever the task's state (its file answers 404 until the job is done). OpenAI
	 * serves videos only from {@code /content}, which needs the API key: for its tasks
	 * this is that URL.
	 */
	public URI videoUrlOf(String taskId) {
		SimulatedTask task = task(taskId);
		if (task.provider().equals("openai")) {
			return URI.create(baseUrl("openai") + "/v1/videos/" + taskId + "/content");
		}
		return this.simulation.fileUrl(task, this.simulation.now().plus(this.simulation.urlTtl(task.provider())));
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private SimulatedTask task(String taskId) {
		return tasks().find(taskId).orElseThrow(() -> new IllegalArgumentException("no such task: " + taskId));
	}

	private static Map<String, String> basePaths() {
		Map<String, String> paths = new LinkedHashMap<>();
		for (String provider : List.of("generic", "minimax", "aimlapi", "openai")) {
			paths.put(provider, "/" + provider);
		}
		paths.put("tchavi", TchaviApi.BASE_PATH);
		return paths;
	}

	/**
	 * The root lists where each provider is served; anything else unknown gets a 404 that
	 * says so (clients still calling the old root paths find out why).
	 */
	private void index(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, Object> providers = new LinkedHashMap<>();
			this.apis.keySet().forEach((provider) -> providers.put(provider, baseUrl(provider).toString()));
			boolean root = exchange.getRequestURI().getPath().equals("/");
			Map<String, Object> answer = new LinkedHashMap<>();
			if (!root) {
				answer.put("error", "nothing is served at " + exchange.getRequestURI().getPath()
						+ "; every provider has its own base URL");
			}
			answer.put("providers", providers);
			Exchanges.sendJson(exchange, root ? 200 : 404, answer);
		}
	}

}
