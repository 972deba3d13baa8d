package io.reelay.cli.bench.pipeline;

import java.io.PrintWriter;

import io.minio.MinioClient;
import io.reelay.cli.bench.Text;
import io.reelay.simulator.ProviderSimulator;

/**
 * The parts Reelay is made of, raw, on this machine: Kafka records produced and consumed,
 * the simulator's HTTP calls, S3 PUTs. Each with a plain client and none of Reelay's
 * code, one after the other, each after a warm-up of a tenth of its count that is not
 * timed (JIT, connections, the consumer group's join).
 */
public final class RawParts {

	private RawParts() {
	}

	/**
	 * @param kafkaRecords records produced and consumed
	 * @param httpCalls calls to the simulator
	 * @param puts S3 PUTs
	 * @param threads the threads making the HTTP calls and the PUTs
	 * @param putBytes each object's size (the video size)
	 * @param transactions Kafka transactions committed (not a term of the ceiling)
	 */
	public record Settings(int kafkaRecords, int httpCalls, int puts, int threads, long putBytes, int transactions) {

		public Settings {
			if (kafkaRecords < 1 || httpCalls < 1 || puts < 1 || threads < 1 || putBytes < 1 || transactions < 1) {
				throw new IllegalArgumentException("every count, the threads and the size must be at least 1");
			}
		}

	}

	/**
	 * Measures the three parts, printing a line to {@code progress} as each ends; the
	 * simulator and the bucket are left as they were found (the objects are deleted, the
	 * Kafka topic too; the seeded task stays).
	 */
	static PartRates measure(Settings settings, String bootstrapServers, ProviderSimulator simulator, MinioClient minio,
			String bucket, PrintWriter progress) throws Exception {
		PartRates.Run kafka = RawPartsKafka.measure(bootstrapServers, settings.kafkaRecords(),
				warmupOf(settings.kafkaRecords()));
		print(progress, "Kafka produce + consume", kafka, "records");
		PartRates.Run http = RawPartsHttp.measure(simulator, settings.httpCalls(), warmupOf(settings.httpCalls()),
				settings.threads());
		print(progress, "simulator HTTP", http, "calls");
		PartRates.Run puts = RawPartsS3.measure(minio, bucket, settings.puts(), warmupOf(settings.puts()),
				settings.threads(), settings.putBytes());
		print(progress, "S3 PUT", puts, "PUTs");
		PartRates.Run transactions = RawPartsTransactions.measure(bootstrapServers, settings.transactions(),
				warmupOf(settings.transactions()));
		print(progress, "Kafka transactions", transactions, "transactions");
		return new PartRates(kafka, http, puts, transactions);
	}

	static int warmupOf(int count) {
		return Math.max(1, count / 10);
	}

	private static void print(PrintWriter progress, String part, PartRates.Run run, String unit) {
		progress.println(Text.format("  %s: %,.0f %s/s (%s)", part, run.perSecond(), unit, run.method()));
		progress.flush();
	}

}
