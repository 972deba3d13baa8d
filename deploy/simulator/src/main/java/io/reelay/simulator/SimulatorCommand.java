package io.reelay.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the simulator on its own: {@code java -jar reelay-simulator.jar --port 8089}. */
@Command(name = "reelay-simulator", mixinStandardHelpOptions = true,
		description = "Serves the video providers' APIs with simulated jobs that end in real MP4 files.")
public final class SimulatorCommand implements Callable<Integer> {

	@Option(names = "--host", defaultValue = "127.0.0.1",
			description = "Address to listen on (default: ${DEFAULT-VALUE}).")
	String host;

	@Option(names = "--port", defaultValue = "8089",
			description = "Port to listen on, 0 for any (default: ${DEFAULT-VALUE}).")
	int port;

	@Option(names = "--api-key", defaultValue = SimulatorSettings.DEFAULT_API_KEY,
			description = "Bearer token API calls must carry, for every provider (default: ${DEFAULT-VALUE}).")
	String apiKey;

	@Option(names = "--generation-time", defaultValue = "PT5S",
			description = "How long each job takes, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration generationTime;

	@Option(names = "--video-bytes", defaultValue = "0",
			description = "Size of generated videos in bytes, 0 for a one-second clip (default: ${DEFAULT-VALUE}).")
	long videoBytes;

	@Option(names = "--url-ttl", description = "How long signed video URLs stay valid, ISO-8601, for every provider "
			+ "(default: each provider's own, 9 hours for minimax, 1 hour for the others).")
	Duration urlTtl;

	@Option(names = "--content-delay", defaultValue = "PT3S",
			description = "How long openai's /content answers 400 after a job completed, ISO-8601 "
					+ "(default: ${DEFAULT-VALUE}).")
	Duration contentDelay;

	@Option(names = "--faults",
			description = "JSON file of fault rules, read again whenever it changes (see the README).")
	Path faultFile;

	@Override
	public Integer call() throws Exception {
		SimulatorSettings settings = new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime,
				this.videoBytes, this.urlTtl, this.contentDelay, this.faultFile);
		try (ProviderSimulator simulator = ProviderSimulator.start(settings)) {
			System.out.println("Provider simulator serving " + simulator.baseUrl() + " (API key " + this.apiKey + ")");
			for (String provider : simulator.providers()) {
				System.out.println("  " + provider + ": " + simulator.baseUrl(provider));
			}
			if (this.faultFile != null) {
				System.out.println("  fault rules from " + this.faultFile + ": " + simulator.faults().rules().size());
			}
			CountDownLatch stopped = new CountDownLatch(1);
			Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
			stopped.await();
		}
		return 0;
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new SimulatorCommand()).execute(args));
	}

}
