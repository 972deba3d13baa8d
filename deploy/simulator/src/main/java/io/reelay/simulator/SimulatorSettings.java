package io.reelay.simulator;

import java.time.Duration;

/**
 * How the simulator behaves.
 *
 * @param host the address to listen on
 * @param port the port, or 0 for any free port
 * @param apiKey the bearer token every API call must carry
 * @param generationTime how long a job takes from submission to completion
 * @param videoBytes size of each generated video; 0 for a small one-second clip
 */
public record SimulatorSettings(String host, int port, String apiKey, Duration generationTime, long videoBytes) {

	public static final String DEFAULT_API_KEY = "sim-key";

	/** Any free port on loopback, a short generation time, small videos. */
	public static SimulatorSettings forTests() {
		return new SimulatorSettings("127.0.0.1", 0, DEFAULT_API_KEY, Duration.ofMillis(500), 0);
	}

	public SimulatorSettings withGenerationTime(Duration generationTime) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, generationTime, this.videoBytes);
	}

	public SimulatorSettings withPort(int port) {
		return new SimulatorSettings(this.host, port, this.apiKey, this.generationTime, this.videoBytes);
	}

	public SimulatorSettings withVideoBytes(long videoBytes) {
		return new SimulatorSettings(this.host, this.port, this.apiKey, this.generationTime, videoBytes);
	}

}
