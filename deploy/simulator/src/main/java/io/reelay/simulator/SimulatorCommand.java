package io.reelay.simulator;

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
			description = "Bearer token API calls must carry (default: ${DEFAULT-VALUE}).")
	String apiKey;

	@Option(names = "--generation-time", defaultValue = "PT5S",
			description = "How long each job takes, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration generationTime;

	@Option(names = "--video-bytes", defaultValue = "0",
			description = "Size of generated videos in bytes, 0 for a one-second clip (default: ${DEFAULT-VALUE}).")
	long videoBytes;

	@Override
	public Integer call() throws Exception {
		try (ProviderSimulator simulator = ProviderSimulator
			.start(new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, this.videoBytes))) {
			System.out.println("Provider simulator serving " + simulator.baseUrl() + " (API key " + this.apiKey + ")");
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
