package io.reelay.cli.bench.pipeline;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.minio.MinioClient;
import io.reelay.cli.bench.ServiceProcess;
import io.reelay.downloader.DownloaderApplication;
import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;
import io.reelay.poller.PollerApplication;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.submitter.SubmitterApplication;

import org.springframework.util.FileSystemUtils;

/**
 * What {@code reelay bench pipeline} runs: a Kafka broker, an S3 server and the provider
 * simulator (instant jobs, small videos) in this JVM, and the three services, each in a
 * JVM of its own with the same heap limit, so that each one's heap, resident memory and
 * CPU can be read apart.
 */
final class PipelineStack implements AutoCloseable {

	static final String ACCESS_KEY = "reelay-bench";

	static final String SECRET_KEY = "reelay-bench-secret";

	static final String BUCKET = "reelay-bench";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	private final Path work;

	private LocalKafkaBroker broker;

	private LocalS3Server s3;

	private ProviderSimulator simulator;

	private PipelineStack(Path work) {
		this.work = work;
	}

	/**
	 * Starts everything, services last, and waits until each service has started; on
	 * failure stops what was started.
	 */
	static PipelineStack start(PipelineBench.Settings settings, PrintWriter out) throws Exception {
		PipelineStack stack = new PipelineStack(Files.createTempDirectory("reelay-bench-pipeline-"));
		try {
			stack.started.push(() -> FileSystemUtils.deleteRecursively(stack.work));
			stack.broker = stack.track(LocalKafkaBroker.startTemporary());
			stack.s3 = stack.track(LocalS3Server.start(stack.work.resolve("s3"), 0, ACCESS_KEY, SECRET_KEY));
			// jobs done the moment they are created, and OpenAI's content at once: the
			// provider's own time is next to nothing, what remains is Reelay's
			stack.simulator = stack.track(ProviderSimulator.start(SimulatorSettings.forTests()
				.withGenerationTime(Duration.ZERO)
				.withContentDelay(Duration.ZERO)
				.withVideoBytes(settings.videoBytes())));
			for (Class<?> service : new Class<?>[] { SubmitterApplication.class, PollerApplication.class,
					DownloaderApplication.class }) {
				ServiceProcess process = stack
					.track(ServiceProcess.start(service, settings.heapLimit(), stack.serviceSettings(),
							settings.outputDirectory().resolve("logs").resolve(nameOf(service) + ".log")));
				stack.services.put(nameOf(service), process);
			}
			for (Map.Entry<String, ServiceProcess> service : stack.services.entrySet()) {
				stack.awaitStarted(service.getValue());
				out.println("  " + service.getKey() + " started (pid " + service.getValue().pid() + ", -Xmx"
						+ settings.heapLimit()
						+ settings.jvmOptions().stream().map((option) -> " " + option).reduce("", String::concat)
						+ ")");
				out.flush();
			}
			return stack;
		}
		catch (Exception ex) {
			stack.close();
			throw ex;
		}
	}

	private <T extends AutoCloseable> T track(T resource) {
		this.started.push(resource);
		return resource;
	}

	static String nameOf(Class<?> service) {
		return service.getSimpleName().replace("Application", "").toLowerCase(java.util.Locale.ROOT);
	}

	private void awaitStarted(ServiceProcess service) throws IOException, InterruptedException {
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!Files.readString(service.log(), StandardCharsets.UTF_8).contains("Started ")) {
			if (!service.isAlive()) {
				throw new IllegalStateException(service.obituary());
			}
			if (System.nanoTime() > until) {
				throw new IllegalStateException("not started within " + START_TIMEOUT + ": see " + service.log());
			}
			Thread.sleep(200);
		}
	}

	/**
	 * What each service is told: the local stack's settings, with the limits meant for
	 * real providers lifted, since the simulator has none.
	 */
	private Map<String, String> serviceSettings() {
		Map<String, String> settings = new TreeMap<>();
		settings.put("reelay.kafka.bootstrap-servers", this.broker.bootstrapServers());
		settings.put("reelay.kafka.partitions", "3");
		settings.put("reelay.kafka.instance-id", "bench");
		// a job is done at once: check it as soon as it is submitted
		settings.put("reelay.poller.schedule.first-check", "1ms");
		settings.put("reelay.poller.schedule.initial-gap", "100ms");
		settings.put("reelay.poller.schedule.min-gap", "1ms");
		// the poller's token buckets stand for a real provider's rate limit
		settings.put("reelay.poller.defaults.rate", "100000");
		settings.put("reelay.poller.defaults.burst", "100000");
		for (String provider : this.simulator.providers()) {
			settings.put("reelay.providers." + provider + ".base-url", this.simulator.baseUrl(provider).toString());
			settings.put("reelay.providers." + provider + ".api-key", this.simulator.apiKey());
		}
		URI simulatorRoot = this.simulator.baseUrl();
		settings.put("reelay.downloader.allowed-hosts", simulatorRoot.getHost() + ":" + simulatorRoot.getPort());
		settings.put("reelay.storage.endpoint", this.s3.endpoint().toString());
		settings.put("reelay.storage.access-key", ACCESS_KEY);
		settings.put("reelay.storage.secret-key", SECRET_KEY);
		settings.put("reelay.storage.bucket", BUCKET);
		settings.put("spring.main.banner-mode", "off");
		return settings;
	}

	String bootstrapServers() {
		return this.broker.bootstrapServers();
	}

	ProviderSimulator simulator() {
		return this.simulator;
	}

	/** A plain client of the S3 server; nothing to close. */
	MinioClient minio() {
		return MinioClient.builder()
			.endpoint(this.s3.endpoint().toString())
			.credentials(ACCESS_KEY, SECRET_KEY)
			.region("us-east-1")
			.build();
	}

	/** The services by name (submitter, poller, downloader), in pipeline order. */
	Map<String, ServiceProcess> services() {
		return this.services;
	}

	Path work() {
		return this.work;
	}

	/** Stops the services first, then what they use, then deletes the data. */
	@Override
	public synchronized void close() {
		while (!this.started.isEmpty()) {
			try {
				this.started.pop().close();
			}
			catch (Exception ex) {
				System.err.println("while stopping the bench's stack: " + ex);
			}
		}
	}

}
