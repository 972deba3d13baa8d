package io.reelay.cli.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoRequested;
import io.reelay.kafka.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the run's requests to {@code video.requests} at a steady rate from a thread
 * of its own, as a backend would: keyed by request id, each sent until the broker
 * acknowledged it (through a broker restart too), so a request may land twice, as it may
 * from any client.
 */
final class RequestFeed implements AutoCloseable {

	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaProducer<String, byte[]> producer;

	private final List<VideoRequested> order;

	private final double perSecond;

	private final AtomicInteger published = new AtomicInteger();

	private final AtomicInteger resent = new AtomicInteger();

	private final Thread thread;

	private volatile boolean running = true;

	private RequestFeed(String bootstrapServers, List<VideoRequested> order, double perSecond) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
		this.order = order;
		this.perSecond = perSecond;
		this.thread = new Thread(this::publishAll, "chaos-request-feed");
		this.thread.setDaemon(true);
	}

	static RequestFeed start(String bootstrapServers, List<VideoRequested> order, double perSecond) {
		RequestFeed feed = new RequestFeed(bootstrapServers, order, perSecond);
		feed.thread.start();
		return feed;
	}

	/** How long publishing everything takes at this rate. */
	static Duration duration(int records, double perSecond) {
		return Duration.ofMillis((long) (records * 1000 / perSecond));
	}

	private void publishAll() {
		long start = System.nanoTime();
		// a request published again is the same record: same request, same time
		Map<String, VideoRequested> sent = new HashMap<>();
		for (int index = 0; index < this.order.size() && this.running; index++) {
			long due = start + (long) (index * 1e9 / this.perSecond);
			try {
				Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
			}
			catch (InterruptedException ex) {
				return;
			}
			VideoRequested next = this.order.get(index);
			VideoRequested request = sent.computeIfAbsent(next.requestId(),
					(id) -> next.withRequestedAt(Instant.now()));
			publish(request);
			this.published.incrementAndGet();
		}
	}

	private void publish(VideoRequested request) {
		while (this.running) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.REQUESTED.topic(),
					request.requestId(), EventJson.write(request));
			CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/reelay/chaos",
					EventType.REQUESTED.cloudEventType(), Instant.now(), request.requestId());
			try {
				this.producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return;
			}
			catch (ExecutionException | TimeoutException notAcknowledged) {
				// the broker may be restarting: send again, as a client would
				this.resent.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Records acknowledged so far. */
	int published() {
		return this.published.get();
	}

	/** Sends that were not acknowledged in time and were made again. */
	int resent() {
		return this.resent.get();
	}

	boolean done() {
		return this.published.get() == this.order.size();
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
		try {
			this.thread.join(SEND_TIMEOUT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.producer.close(Duration.ofSeconds(5));
	}

}
