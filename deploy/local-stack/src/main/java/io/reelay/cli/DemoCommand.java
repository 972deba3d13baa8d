package io.reelay.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;
import io.reelay.stack.LocalStack;
import io.reelay.storage.MinioObjectStore;
import io.reelay.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelay demo}: starts the whole pipeline on this machine, sends a few requests
 * through it, and shows each one's way to its stored file.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Runs sample requests through the whole pipeline on this machine.",
				"Starts a Kafka broker, an S3-compatible store, the provider simulator and the three services, "
						+ "publishes sample requests, follows each to its terminal event and prints where its "
						+ "video is stored. Exits 0 only if every request was stored." })
final class DemoCommand implements Callable<Integer> {

	@Mixin
	StackOptions stack;

	@Option(names = "--requests", defaultValue = "5",
			description = "How many requests to send (default: ${DEFAULT-VALUE}).")
	int requests;

	@Option(names = "--generation-time", defaultValue = "PT3S",
			description = "How long the simulated provider takes per video, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration generationTime;

	@Option(names = "--timeout", defaultValue = "PT2M",
			description = "How long to wait for every request to end (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	/** For tests: run against this broker instead of starting one. */
	String kafkaBootstrapServers;

	PrintStream out = System.out;

	@Override
	public Integer call() throws Exception {
		this.stack.routeLogs();
		this.out.printf("Reelay demo: %d video requests through the whole pipeline on this machine.%n", this.requests);
		this.out.print(
				"Starting Kafka (KRaft), S3-compatible store, provider simulator, submitter, poller, downloader... ");
		this.out.flush();
		Instant starting = Instant.now();
		StackSettings settings = StackSettings.ephemeral(this.stack.dataDirectory)
			.withKafka(this.kafkaBootstrapServers)
			.withTimings(this.generationTime, Duration.ofMillis(500));
		try (LocalStack local = LocalStack.start(settings)) {
			// Ctrl-C ends the JVM without leaving this block: stop the stack from a hook
			// then
			Thread onInterrupt = new Thread(local::close, "reelay-demo-shutdown");
			Runtime.getRuntime().addShutdownHook(onInterrupt);
			this.out.printf("ready in %s%n", seconds(Duration.between(starting, Instant.now())));
			this.out.printf("  Kafka %s · S3 %s (bucket %s) · provider simulator %s%n%n", local.bootstrapServers(),
					local.s3Endpoint(), StackSettings.BUCKET, local.simulatorUrl());
			int exit = run(local);
			Runtime.getRuntime().removeShutdownHook(onInterrupt);
			return exit;
		}
	}

	private int run(LocalStack local) {
		List<VideoRequested> sample = SampleRequests.create(this.requests, putFirstFrame(local));
		Map<String, VideoStored> stored = new LinkedHashMap<>();
		Map<String, VideoFailed> failed = new LinkedHashMap<>();
		Set<String> ids = sample.stream().map(VideoRequested::requestId).collect(Collectors.toSet());
		Instant start = Instant.now();
		Set<String> ended;
		try (PipelineFollower follower = new PipelineFollower(local.bootstrapServers());
				RequestPublisher publisher = new RequestPublisher(local.bootstrapServers())) {
			sample.forEach(publisher::publish);
			this.out.printf("Published %d requests to video.requests:%n", sample.size());
			sample.forEach((request) -> this.out.printf("  %-22s %-8s %-30s %s%n", request.requestId(),
					request.provider(), request.model(), kindOf(request)));
			this.out.println();
			ended = follower.follow(ids, this.timeout, (event) -> {
				print(event, Duration.between(start, Instant.now()), local);
				if (event instanceof VideoStored done) {
					stored.put(done.requestId(), done);
				}
				else if (event instanceof VideoFailed failure) {
					failed.put(failure.requestId(), failure);
				}
			});
		}
		Duration took = Duration.between(start, Instant.now());
		this.out.println();
		sample.stream()
			.filter((request) -> !ended.contains(request.requestId()))
			.forEach((request) -> this.out.printf("  %s  did not finish within %s%n", request.requestId(),
					this.timeout));
		this.out.printf("%d of %d requests stored in %s.%n", stored.size(), sample.size(), seconds(took));
		if (!stored.isEmpty()) {
			Path folder = local.fileOf(stored.values().iterator().next().key()).getParent();
			this.out.printf("Files: %s%n", folder.toAbsolutePath().normalize());
		}
		this.out.printf("Logs:  %s%n", this.stack.logFile().toAbsolutePath().normalize());
		return (stored.size() == sample.size()) ? 0 : 1;
	}

	/**
	 * Puts the first frame of the image-to-video samples in the bucket, as a backend
	 * would for a file too large to send inline.
	 */
	private static String putFirstFrame(LocalStack local) {
		byte[] png = SampleRequests.framePng();
		try (MinioObjectStore store = local.openStore()) {
			store.ensureBucket();
			store.put(SampleRequests.FRAME_KEY, new ByteArrayInputStream(png), png.length, "image/png", Map.of());
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not put the sample first frame in the bucket: " + ex.getMessage(),
					ex);
		}
		return "s3://" + StackSettings.BUCKET + "/" + SampleRequests.FRAME_KEY;
	}

	private void print(PipelineEvent event, Duration at, LocalStack local) {
		String line;
		if (event instanceof VideoSubmitted submitted) {
			line = "submitted  " + submitted.provider() + " " + submitted.model() + ", task "
					+ submitted.providerTaskId();
		}
		else if (event instanceof VideoCompleted completed) {
			line = "completed  " + completed.provider() + " finished the video";
		}
		else if (event instanceof VideoStored done) {
			line = "stored     " + done.uri() + "  " + kilobytes(done.size()) + "  sha256 "
					+ done.sha256().substring(0, 12) + "…" + UsageText.of(done.usage())
					+ (Files.exists(local.fileOf(done.key())) ? "" : "  (file not found locally)");
		}
		else if (event instanceof VideoFailed failure) {
			line = "FAILED     " + failure.code() + ": " + failure.message();
		}
		else {
			line = event.type().name().toLowerCase(Locale.ROOT);
		}
		this.out.printf("  %-22s %6s  %s%n", event.requestId(), seconds(at), line);
	}

	private static String kindOf(VideoRequested request) {
		if (request.image() == null) {
			return "text to video";
		}
		return "image to video, first frame " + (request.image().startsWith("s3://")
				? "in the bucket (" + request.image() + ")" : "inline (data: URL)");
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	private static String kilobytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
	}

}
