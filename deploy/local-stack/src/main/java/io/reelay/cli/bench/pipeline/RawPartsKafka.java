package io.reelay.cli.bench.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.reelay.cli.bench.Text;
import io.reelay.kafka.CloudEventHeaders;
import io.reelay.kafka.WorkTiming;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's raw rate for records like Reelay's: a plain producer (acks=all, idempotent, the
 * client's default linger and batch, which are what Reelay's producers use) sends to a
 * fresh topic of the bench's partition count while a plain consumer of its own group
 * ({@code read_committed}, from the start) reads them back. The rate is the records over
 * first send → last record consumed.
 */
final class RawPartsKafka {

	/** The partitions of Reelay's topics in the bench. */
	static final int PARTITIONS = 3;

	/** About a {@code video.submitted} event with a prompt and some metadata. */
	static final int VALUE_BYTES = 700;

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final String bootstrapServers;

	private final String topic;

	private final byte[] value = valueOf(VALUE_BYTES);

	private RawPartsKafka(String bootstrapServers, String topic) {
		this.bootstrapServers = bootstrapServers;
		this.topic = topic;
	}

	/** Measures on a topic of its own, deleted afterwards. */
	static PartRates.Run measure(String bootstrapServers, int records, int warmup) throws Exception {
		String topic = "bench-parts.kafka-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
			try {
				return new RawPartsKafka(bootstrapServers, topic).run(records, warmup);
			}
			finally {
				admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
			}
		}
	}

	private PartRates.Run run(int records, int warmup) throws Exception {
		openPartitions();
		Reader reader = new Reader(PARTITIONS + warmup, PARTITIONS + warmup + records);
		Thread reading = new Thread(reader, "bench-parts-consumer");
		reading.setDaemon(true);
		reading.start();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			AtomicReference<Exception> failed = new AtomicReference<>();
			send(producer, warmup, failed);
			await(reader.warmedUp, "the warm-up records", reader);
			long start = System.nanoTime();
			send(producer, records, failed);
			long acked = System.nanoTime();
			await(reader.done, "the records", reader);
			if (reader.consumed != PARTITIONS + warmup + records) {
				throw new IllegalStateException(Text.format("the consumer read %,d records, %,d were sent",
						reader.consumed, PARTITIONS + warmup + records));
			}
			Duration took = Duration.ofNanos(reader.doneAt - start);
			String how = Text.format(
					"%,d B + %d headers, %d partitions, 1 producer (acks=all, idempotent) + 1 "
							+ "consumer (read_committed) at once, all acked at %s",
					this.value.length, headers("req-1", Instant.now()).toArray().length, PARTITIONS,
					Text.seconds(Duration.ofNanos(acked - start)));
			return new PartRates.Run(records, warmup, this.value.length, 1, took, how);
		}
		finally {
			reader.stop = true;
			reading.join(TimeUnit.SECONDS.toMillis(30));
		}
	}

	/** Sends {@code count} records and waits until every one is acknowledged. */
	private void send(KafkaProducer<String, byte[]> producer, int count, AtomicReference<Exception> failed) {
		for (int i = 0; i < count; i++) {
			String requestId = "req-" + UUID.randomUUID();
			producer.send(
					new ProducerRecord<>(this.topic, null, requestId, this.value, headers(requestId, Instant.now())),
					(metadata, exception) -> {
						if (exception != null) {
							failed.compareAndSet(null, exception);
						}
					});
		}
		producer.flush();
		if (failed.get() != null) {
			throw new IllegalStateException("a send failed: " + failed.get(), failed.get());
		}
	}

	/** What Reelay's records carry: the CloudEvents attributes and the work timing. */
	private static RecordHeaders headers(String requestId, Instant now) {
		RecordHeaders headers = new RecordHeaders();
		CloudEventHeaders.write(headers, UUID.randomUUID().toString(), "/reelay/bench-parts",
				"io.reelay.video.submitted", now, requestId);
		WorkTiming.startedAt(now).writeTo(headers);
		return headers;
	}

	/**
	 * One record to each partition, acknowledged, before the measured producer starts: a
	 * partition just created may refuse its first writes (NOT_LEADER_OR_FOLLOWER) after
	 * the admin already reports its leader, and an idempotent producer's retries of them
	 * can then fail on their own sequence numbers until the delivery timeout. These plain
	 * writes simply retry.
	 */
	private void openPartitions() throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int partition = 0; partition < PARTITIONS; partition++) {
				producer.send(new ProducerRecord<>(this.topic, partition, "open", this.value))
					.get(60, TimeUnit.SECONDS);
			}
		}
	}

	private Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	private Map<String, Object> consumerConfig() {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"bench-parts-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
	}

	private static void await(CountDownLatch latch, String what, Reader reader) throws InterruptedException {
		if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(
					"the consumer did not read " + what + " within " + TIMEOUT + " (read " + reader.consumed + ")");
		}
		if (reader.failure != null) {
			throw new IllegalStateException("the consumer failed", reader.failure);
		}
	}

	/**
	 * A JSON value of about {@code bytes}, shaped like a {@code video.submitted} event;
	 * the prompt takes up the rest.
	 */
	static byte[] valueOf(int bytes) {
		String head = "{\"schemaVersion\":1,\"requestId\":\"req-7f3c9a2e-5b1d-4c8e-9f60-2d7a41b3c8e5\","
				+ "\"provider\":\"generic\",\"model\":\"video-1\",\"providerTaskId\":\"task_8c1d2e4f6a7b\","
				+ "\"providerStatus\":\"processing\",\"requestedAt\":\"2026-11-21T10:00:00Z\","
				+ "\"submittedAt\":\"2026-11-21T10:00:00.412Z\",\"deadline\":\"2026-11-21T10:30:00Z\","
				+ "\"metadata\":{\"team\":\"marketing\",\"campaign\":\"winter\"},\"prompt\":\"";
		String tail = "\"}";
		StringBuilder prompt = new StringBuilder();
		String words = "a red kite over a grey sea at dawn, slow pan, soft light; ";
		while (head.length() + prompt.length() + tail.length() < bytes) {
			prompt.append(words.charAt(prompt.length() % words.length()));
		}
		return (head + prompt + tail).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The consumer: reads until it has seen every record, and notes when it has seen the
	 * warm-up's and when the last.
	 */
	private final class Reader implements Runnable {

		private final long warmup;

		private final long total;

		private final CountDownLatch warmedUp = new CountDownLatch(1);

		private final CountDownLatch done = new CountDownLatch(1);

		private volatile long consumed;

		private volatile long doneAt;

		private volatile boolean stop;

		private volatile Exception failure;

		private Reader(long warmup, long total) {
			this.warmup = warmup;
			this.total = total;
		}

		@Override
		public void run() {
			try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
					new StringDeserializer(), new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(RawPartsKafka.this.topic));
				while (!this.stop && this.consumed < this.total) {
					int read = consumer.poll(Duration.ofMillis(100)).count();
					if (read > 0) {
						this.consumed += read;
						if (this.consumed >= this.warmup) {
							this.warmedUp.countDown();
						}
						if (this.consumed >= this.total) {
							this.doneAt = System.nanoTime();
							this.done.countDown();
						}
					}
				}
			}
			catch (Exception ex) {
				this.failure = ex;
				this.warmedUp.countDown();
				this.done.countDown();
			}
		}

	}

}
