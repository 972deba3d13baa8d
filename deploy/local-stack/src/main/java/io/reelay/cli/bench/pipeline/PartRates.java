package io.reelay.cli.bench.pipeline;

import java.time.Duration;

import io.reelay.cli.bench.Text;

/**
 * The raw rates of the parts Reelay is made of, on this machine, each with what it was
 * measured with so that a report can say so.
 *
 * @param kafka records produced and consumed
 * @param http calls to the simulator
 * @param puts S3 PUTs
 * @param transactions small Kafka transactions committed one after another (not a term of
 * the ceiling)
 */
public record PartRates(Run kafka, Run http, Run puts, Run transactions) {

	public double kafkaRecordsPerSecond() {
		return this.kafka.perSecond();
	}

	public double httpCallsPerSecond() {
		return this.http.perSecond();
	}

	public double putsPerSecond() {
		return this.puts.perSecond();
	}

	public String kafkaMethod() {
		return this.kafka.method();
	}

	public String httpMethod() {
		return this.http.method();
	}

	public String putMethod() {
		return this.puts.method();
	}

	/**
	 * One part's timed run.
	 *
	 * @param count operations timed
	 * @param warmup operations done before, not timed
	 * @param bytes the size of each (a record's value, an answer's body, an object)
	 * @param concurrency threads making the calls (for Kafka: the one producer)
	 * @param took the timed span
	 * @param how what one operation was and how it was made, in words
	 */
	public record Run(int count, int warmup, long bytes, int concurrency, Duration took, String how) {

		public double perSecond() {
			return this.count / (this.took.toNanos() / 1e9);
		}

		/** What it was measured with: {@code how}, the span and the warm-up. */
		public String method() {
			return Text.format("%s; %,d in %s after %,d untimed", this.how, this.count, Text.seconds(this.took),
					this.warmup);
		}

	}

}
