package io.reelay.cli.bench.pipeline;

import java.util.Map;

/**
 * What one job needs of the parts, counted over a run: Kafka records and HTTP calls.
 *
 * A record that is produced and consumed costs one unit of the raw Kafka rate (which is
 * measured on records produced and consumed); one that is only produced (a ledger entry)
 * costs half of one.
 *
 * @param jobs the jobs of the run
 * @param produced records per job on Reelay's topics, the request included
 * @param consumed records per job read back by a stage or by the requester (the terminal
 * event)
 * @param httpCalls calls per job the provider simulator received: create, status,
 * download
 * @param recordsByTopic the committed records of each topic in the run
 */
record JobCost(int jobs, double produced, double consumed, double httpCalls, Map<String, Long> recordsByTopic) {

	static JobCost of(int jobs, Map<String, Long> recordsByTopic, long httpCalls) {
		long produced = 0;
		long consumed = 0;
		for (Map.Entry<String, Long> topic : recordsByTopic.entrySet()) {
			produced += topic.getValue();
			if (isRead(topic.getKey())) {
				consumed += topic.getValue();
			}
		}
		return new JobCost(jobs, (double) produced / jobs, (double) consumed / jobs, (double) httpCalls / jobs,
				Map.copyOf(recordsByTopic));
	}

	/**
	 * Whether a topic's records are read in the normal course: a stage's input, the
	 * learned schedules every poller reads, or a terminal topic the requester reads. The
	 * ledgers are read only when partitions move, dead letters by operators.
	 */
	static boolean isRead(String topic) {
		return topic.equals("video.requests") || topic.equals("video.submitted") || topic.equals("video.completed")
				|| topic.startsWith("video.poll-") || topic.equals("video.stored") || topic.equals("video.failed");
	}

	/** k of the ceiling: records produced and consumed, and half of the others. */
	double kafkaRecords() {
		return this.consumed + (this.produced - this.consumed) / 2;
	}

	/**
	 * The sum-of-parts ceiling: jobs per second if every part ran at its raw rate and
	 * nothing else took any time, {@code 1 / (k/kafka + h/http + 1/put)}.
	 */
	double ceiling(PartRates rates) {
		return 1 / (kafkaRecords() / rates.kafkaRecordsPerSecond() + this.httpCalls / rates.httpCallsPerSecond()
				+ 1 / rates.putsPerSecond());
	}

}
