package io.reelay.submitter;

import java.time.Duration;

import io.reelay.event.Stage;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.tracing.RecordTracing;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The submitter's two kinds of Kafka transaction: one per request record (its outcome,
 * its ledger entry and its offset), and one for each call intent, committed before the
 * call. Before the listener starts, one producer of each kind per consumer thread is
 * opened: each fences a former self's producer with the same transaction id and aborts
 * what it left open.
 */
class SubmitterTransactions implements SmartLifecycle {

	private static final Duration FENCING_TIMEOUT = Duration.ofMinutes(2);

	private final DefaultKafkaProducerFactory<String, Object> recordFactory;

	private final DefaultKafkaProducerFactory<String, Object> intentFactory;

	private final KafkaTemplate<String, Object> records;

	private final KafkaTemplate<String, Object> intents;

	private final int consumers;

	private volatile boolean running;

	/**
	 * @param consumers the listener's consumer threads: each can hold a transaction of
	 * each kind at once, so there are as many transaction ids of each kind to fence
	 * @param tracing makes templates that carry each request's trace to what they send
	 */
	SubmitterTransactions(ProducerFactory<String, Object> producers, ReelayKafkaProperties kafka, int consumers,
			RecordTracing tracing) {
		this.consumers = consumers;
		this.recordFactory = TransactionalProducers.of(producers, kafka, Stage.SUBMITTER, "records");
		this.intentFactory = TransactionalProducers.of(producers, kafka, Stage.SUBMITTER, "intents");
		this.records = tracing.template(this.recordFactory);
		this.intents = tracing.template(this.intentFactory);
	}

	DefaultKafkaProducerFactory<String, Object> recordFactory() {
		return this.recordFactory;
	}

	KafkaTemplate<String, Object> records() {
		return this.records;
	}

	KafkaTemplate<String, Object> intents() {
		return this.intents;
	}

	@Override
	public void start() {
		long until = System.nanoTime() + FENCING_TIMEOUT.toNanos();
		while (!(TransactionalProducers.fenceFormerSelves(this.recordFactory, this.consumers)
				&& TransactionalProducers.fenceFormerSelves(this.intentFactory, this.consumers))) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException("could not open a Kafka transaction within " + FENCING_TIMEOUT);
			}
			pause();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.recordFactory.destroy();
		this.intentFactory.destroy();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers start, after they stop. */
	@Override
	public int getPhase() {
		return 0;
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while opening a Kafka transaction", ex);
		}
	}

}
