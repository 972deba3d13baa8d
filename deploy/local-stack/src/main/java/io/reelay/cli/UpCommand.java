package io.reelay.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.reelay.simulator.SimulatorSettings;
import io.reelay.stack.LocalStack;
import io.reelay.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reelay up}: the local stack, kept running until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
		description = "Runs the local stack (Kafka, S3-compatible store, provider simulator, three services) until Ctrl-C.")
final class UpCommand implements Callable<Integer> {

	@Mixin
	StackOptions stack;

	@Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
	int kafkaPort;

	@Option(names = "--s3-port", defaultValue = "9000", description = "S3 port (default: ${DEFAULT-VALUE}).")
	int s3Port;

	@Option(names = "--simulator-port", defaultValue = "8089",
			description = "Provider simulator port (default: ${DEFAULT-VALUE}).")
	int simulatorPort;

	@Option(names = "--service-port", defaultValue = "8081",
			description = "HTTP port (health, metrics) of the submitter; the poller and the downloader take the next two "
					+ "(default: ${DEFAULT-VALUE}).")
	int servicePort;

	@Option(names = "--generation-time", defaultValue = "PT5S",
			description = "How long the simulated provider takes per video, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration generationTime;

	@Option(names = "--simulator-faults",
			description = "A JSON file of fault rules for the provider simulator (see deploy/simulator/README.md).")
	Path simulatorFaults;

	@Override
	public Integer call() throws Exception {
		this.stack.routeLogs();
		System.out.println(
				"Starting Kafka (KRaft), S3-compatible store, provider simulator, submitter, poller, downloader...");
		StackSettings settings = new StackSettings(this.stack.dataDirectory, null, this.kafkaPort, this.s3Port,
				this.simulatorPort, this.generationTime, Duration.ofSeconds(1), this.simulatorFaults, this.servicePort);
		LocalStack local = LocalStack.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping Reelay...");
			local.close();
			stopped.countDown();
		}, "reelay-shutdown"));
		String kafka = local.bootstrapServers();
		System.out.printf(
				"""

						Reelay is running. Press Ctrl-C to stop.
						  Kafka      %s
						  S3         %s  bucket %s  (access key %s, secret key %s)
						  Simulator  %s  (generic, minimax, aimlapi, tchavi and openai APIs below /<provider>, API key %s)
						  Files      %s
						  Logs       %s
						%s

						Publish a request and follow it to its stored video (docs/cli.md):
						  ./reelay submit --bootstrap-servers %s \\
						    --provider generic --model sim-video-1 --prompt 'A koi pond at dawn' --wait
						Watch the latest requests and the stage each one reached:
						  ./reelay watch --bootstrap-servers %s
						Or with kcat:
						  echo 'req-1:{"requestId":"req-1","provider":"generic","model":"sim-video-1","prompt":"A koi pond at dawn"}' \\
						    | kcat -b %s -t video.requests -K: -P
						  kcat -b %s -C -o beginning -f '%%t %%k %%s\\n' -t video.stored
						  kcat -b %s -C -o beginning -f '%%t %%k %%s\\n' -t video.failed
						Any provider works the same way ("provider":"minimax","model":"T2V-01", or tchavi seedance-2, aimlapi video-01,
						openai veo-3.1-fast-generate-preview). A prompt containing [sim:fail], [sim:policy], [sim:stuck] or
						[sim:not-mp4] makes the simulator misbehave; --simulator-faults scripts faults per provider.
						%n""",
				kafka, local.s3Endpoint(), StackSettings.BUCKET, StackSettings.S3_ACCESS_KEY,
				StackSettings.S3_SECRET_KEY, local.simulatorUrl(), SimulatorSettings.DEFAULT_API_KEY,
				local.fileOf("").toAbsolutePath().normalize(), this.stack.logFile().toAbsolutePath().normalize(),
				services(local), kafka, kafka, kafka, kafka, kafka);
		stopped.await();
		return 0;
	}

	/** Each service's metrics and readiness URLs, a line each (docs/metrics.md). */
	private static String services(LocalStack local) {
		StringBuilder lines = new StringBuilder();
		local.servicePorts().forEach((application, port) -> {
			String name = application.replace("reelay-", "");
			String actuator = "http://localhost:" + port + "/actuator";
			lines.append(String.format("  %-10s %s/prometheus  %s/health/readiness%n",
					Character.toUpperCase(name.charAt(0)) + name.substring(1), actuator, actuator));
		});
		return lines.toString().stripTrailing();
	}

}
