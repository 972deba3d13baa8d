package io.reelay.stack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the local stack runs.
 *
 * @param dataDirectory where the S3 server keeps buckets and objects, and a broker on a
 * fixed port its log (kept between runs)
 * @param kafkaBootstrapServers an existing broker to use, or null to start one
 * @param kafkaPort port of the broker the stack starts; with a fixed port the broker
 * keeps its data under the data directory, with 0 (any free port) it starts empty and
 * cleans up
 * @param s3Port port of the S3-compatible server, 0 for any free port
 * @param simulatorPort port of the provider simulator, 0 for any free port
 * @param generationTime how long the simulator takes per video
 * @param pollInterval the poller's first check of a job, and its shortest wait between
 * two checks
 * @param simulatorFaults a fault file for the simulator (see its README), or null
 * @param servicePort the submitter's HTTP port (health, metrics), the poller's the next
 * one and the downloader's the one after; 0 for any free ports
 */
public record StackSettings(Path dataDirectory, String kafkaBootstrapServers, int kafkaPort, int s3Port,
		int simulatorPort, Duration generationTime, Duration pollInterval, Path simulatorFaults, int servicePort) {

	public static final String BUCKET = "reelay-videos";

	public static final String S3_ACCESS_KEY = "reelay";

	public static final String S3_SECRET_KEY = "reelay-local-secret";

	/** Any free ports, so a run never collides with something already listening. */
	public static StackSettings ephemeral(Path dataDirectory) {
		return new StackSettings(dataDirectory, null, 0, 0, 0, Duration.ofSeconds(3), Duration.ofSeconds(1), null, 0);
	}

	public StackSettings withKafka(String bootstrapServers) {
		return new StackSettings(this.dataDirectory, bootstrapServers, this.kafkaPort, this.s3Port, this.simulatorPort,
				this.generationTime, this.pollInterval, this.simulatorFaults, this.servicePort);
	}

	public StackSettings withTimings(Duration generationTime, Duration pollInterval) {
		return new StackSettings(this.dataDirectory, this.kafkaBootstrapServers, this.kafkaPort, this.s3Port,
				this.simulatorPort, generationTime, pollInterval, this.simulatorFaults, this.servicePort);
	}

}
