package io.reelay.simulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the simulator behaves.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free port
 * @param apiKey the bearer token every API call must carry, the same for every provider
 * @param generationTime how long a job takes from submission to completion
 * @param videoBytes size of each generated video; 0 for a small one-second clip
 * @param urlTtl how long signed video URLs stay valid, for every provider; {@code null}
 * for each provider's own ({@link #urlTtlOf})
 * @param contentDelay how long OpenAI's {@code /content} still answers 400 after a job
 * completed
 * @param faultFile a JSON file of fault rules, read again whenever it changes;
 * {@code null} for none
 */
public record SimulatorSettings(String host, int port, String apiKey, Duration generationTime, long videoBytes,
		Duration urlTtl, Duration contentDelay, Path faultFile) {

	public static final String DEFAULT_API_KEY = "sim-key";

	public static final Duration DEFAULT_CONTENT_DELAY = Duration.ofSeconds(3);

	/** MiniMax documents 9 hours for its download URLs. */
	public static final Duration MINIMAX_URL_TTL = Duration.ofHours(9);

	public static final Duration DEFAULT_URL_TTL = Duration.ofHours(1);

	public SimulatorSettings {
		if (contentDelay == null || contentDelay.isNegative()) {
			throw new IllegalArgumentException("contentDelay must be zero or more, got " + contentDelay);
		}
		if (urlTtl != null && (urlTtl.isNegative() || urlTtl.isZero())) {
			throw new IllegalArgumentException("urlTtl must be positive, got " + urlTtl);
		}
	}

	/** Each provider's own URL lifetime, a 3-second content delay, no fault file. */
	public SimulatorSettings(String host, int port, String apiKey, Duration generationTime, long videoBytes) {
		this(host, port, apiKey, generationTime, videoBytes, null, DEFAULT_CONTENT_DELAY, null);
	}

	/**
	 * Any free port on loopback, a short generation time and content delay, small videos.
	 */
	public static SimulatorSettings forTests() {
		return new SimulatorSettings("127.0.0.1", 0, DEFAULT_API_KEY, Duration.ofMillis(500), 0, null,
				Duration.ofMillis(500), null);
	}

	/** How long the video URLs a provider hands out stay valid. */
	public Duration urlTtlOf(String provider) {
		if (this.urlTtl != null) {
			return this.urlTtl;
		}
		return "minimax".equals(provider) ? MINIMAX_URL_TTL : DEFAULT_URL_TTL;
	}

	public SimulatorSettings withHost(String host) {
		return new SimulatorSettings(host, this.port, this.apiKey, this.generationTime, this.videoBytes, this.urlTtl,
				this.contentDelay, this.faultFile);
	}

	public SimulatorSettings withPort(int port) {
		return new SimulatorSettings(this.host, port, this.apiKey, this.generationTime, this.videoBytes, this.urlTtl,
				this.contentDelay, this.faultFile);
	}

	public SimulatorSettings withApiKey(String apiKey) {
		return new SimulatorSettings(this.host, this.port, apiKey, this.generationTime, this.videoBytes, this.urlTtl,
				this.contentDelay, this.faultFile);
	}

	public SimulatorSettings withGenerationTime(Duration generationTime) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, generationTime, this.videoBytes, this.urlTtl,
				this.contentDelay, this.faultFile);
	}

	public SimulatorSettings withVideoBytes(long videoBytes) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, videoBytes, this.urlTtl,
				this.contentDelay, this.faultFile);
	}

	/** One lifetime for every provider's video URLs; {@code null} for their own. */
	public SimulatorSettings withUrlTtl(Duration urlTtl) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, this.videoBytes, urlTtl,
				this.contentDelay, this.faultFile);
	}

	public SimulatorSettings withContentDelay(Duration contentDelay) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, this.videoBytes,
				this.urlTtl, contentDelay, this.faultFile);
	}

	public SimulatorSettings withFaultFile(Path faultFile) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, this.videoBytes,
				this.urlTtl, this.contentDelay, faultFile);
	}

}
