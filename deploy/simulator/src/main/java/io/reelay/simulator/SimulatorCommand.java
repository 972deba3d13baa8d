package io.reelay.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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

	@Option(names = "--rate-limit", paramLabel = "PROVIDER=RATE[/BURST]", converter = RateLimitOption.Reader.class,
			description = "Limits a provider's API calls to RATE a second, BURST at once (default: one second's "
					+ "worth), answering the rest with its 429; repeatable, e.g. --rate-limit generic=20/40.")
	List<RateLimitOption> rateLimits = new ArrayList<>();

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		SimulatorSettings settings = new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime,
				this.videoBytes, this.urlTtl, this.contentDelay, this.faultFile);
		try (ProviderSimulator simulator = ProviderSimulator.start(settings)) {
			for (RateLimitOption limit : this.rateLimits) {
				try {
					simulator.rateLimits().limit(limit.provider(), limit.callsPerSecond(), limit.burst());
				}
				catch (IllegalArgumentException unknownProvider) {
					throw new ParameterException(this.spec.commandLine(),
							"--rate-limit: " + unknownProvider.getMessage());
				}
			}
			System.out.println("Provider simulator serving " + simulator.baseUrl() + " (API key " + this.apiKey + ")");
			for (String provider : simulator.providers()) {
				System.out.println("  " + provider + ": " + simulator.baseUrl(provider));
			}
			for (RateLimitOption limit : this.rateLimits) {
				System.out.println("  " + limit.provider() + " limited to " + limit.callsPerSecond()
						+ " calls a second, " + limit.burst() + " at once");
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

	/** {@code --rate-limit generic=20/40}: 20 calls a second, 40 at once. */
	record RateLimitOption(String provider, double callsPerSecond, int burst) {

		private static final Pattern FORM = Pattern.compile("([a-z0-9-]+)=(\\d+(?:\\.\\d+)?)(?:/(\\d{1,9}))?");

		/** Without a burst, one second's worth of calls (at least one). */
		static RateLimitOption parse(String text) {
			Matcher form = FORM.matcher(text.trim());
			if (!form.matches()) {
				throw new IllegalArgumentException(
						"expected PROVIDER=RATE or PROVIDER=RATE/BURST, e.g. generic=20/40, got '" + text + "'");
			}
			double rate = Double.parseDouble(form.group(2));
			if (rate <= 0) {
				throw new IllegalArgumentException("the rate must be more than 0, got '" + text + "'");
			}
			int burst = (form.group(3) != null) ? Integer.parseInt(form.group(3)) : (int) Math.max(1, Math.ceil(rate));
			if (burst < 1) {
				throw new IllegalArgumentException("the burst must be 1 or more, got '" + text + "'");
			}
			return new RateLimitOption(form.group(1), rate, burst);
		}

		static final class Reader implements ITypeConverter<RateLimitOption> {

			@Override
			public RateLimitOption convert(String value) {
				try {
					return parse(value);
				}
				catch (IllegalArgumentException wrong) {
					throw new TypeConversionException(wrong.getMessage());
				}
			}

		}

	}

}
