package io.reelay.cli.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.cli.bench.Text;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a Kafka transaction costs, raw: plain transactional producers, one per thread,
 * each committing one small transaction after another, as the submitter does per request
 * (an output record and a ledger entry). Not a term of the ceiling, which the issue
 * defines on plain records: it shows what Reelay's exactly-once hand-offs cost beside
 * them.
 */
final class RawPartsTransactions {

	/** The submitter's consumer threads by default, each with its own producer. */
	static final int THREADS = 3;

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private RawPartsTransactions() {
	}

	static PartRates.Run measure(String bootstrapServers, int transactions, int warmup) throws Exception {
		String topic = "bench-parts.transactions-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, RawPartsKafka.PARTITIONS, (short) 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
			try {
				return run(bootstrapServers, topic, transactions, warmup);
			}
			finally {
				admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	private static PartRates.Run run(String bootstrapServers, String topic, int transactions, int warmup)
			throws Exception {
		byte[] value = RawPartsKafka.valueOf(RawPartsKafka.VALUE_BYTES);
		List<KafkaProducer<String, byte[]>> producers = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		try {
			for (int i = 0; i < THREADS; i++) {
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
								ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-parts-" + UUID.randomUUID()),
						new StringSerializer(), new ByteArraySerializer());
				producers.add(producer);
				producer.initTransactions();
			}
			commit(producers, threads, topic, value, warmup);
			long start = System.nanoTime();
			commit(producers, threads, topic, value, transactions);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			String how = Text.format(
					"2 records of %,d B each, then commit; %d transactional producers, one per " + "thread",
					value.length, THREADS);
			return new PartRates.Run(transactions, warmup, 2L * value.length, THREADS, took, how);
		}
		finally {
			threads.shutdownNow();
			producers.forEach((producer) -> producer.close(Duration.ofSeconds(5)));
		}
	}

	/**
	 * Commits {@code count} transactions across the producers, each thread one at a time.
	 */
	private static void commit(List<KafkaProducer<String, byte[]>> producers, ExecutorService threads, String topic,
			byte[] value, int count) throws Exception {
		AtomicInteger left = new AtomicInteger(count);
		List<Future<?>> running = new ArrayList<>();
		for (KafkaProducer<String, byte[]> producer : producers) {
			running.add(threads.submit(() -> {
				while (left.getAndDecrement() > 0) {
					String requestId = "req-" + UUID.randomUUID();
					producer.beginTransaction();
					producer.send(new ProducerRecord<>(topic, requestId, value));
					producer.send(new ProducerRecord<>(topic, requestId, value));
					producer.commitTransaction();
				}
				return null;
			}));
		}
		for (Future<?> thread : running) {
			thread.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

}
