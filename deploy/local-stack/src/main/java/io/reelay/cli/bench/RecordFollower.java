package io.reelay.cli.bench;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * A thread that polls one consumer and hands each batch to its reader until closed, then
 * closes the consumer: how the benches and the crash tests follow the terminal topics
 * while they run.
 */
public final class RecordFollower implements AutoCloseable {

	private static final Duration POLL = Duration.ofMillis(100);

	private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;

	private final Consumer<ConsumerRecords<String, byte[]>> reader;

	private final Consumer<RuntimeException> onFailure;

	private final Thread thread;

	private volatile boolean running = true;

	private volatile RuntimeException error;

	/**
	 * @param onFailure told why following stopped early (a broker gone for good, a
	 * reader's bug)
	 */
	public RecordFollower(String name, org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
			Consumer<ConsumerRecords<String, byte[]>> reader, Consumer<RuntimeException> onFailure) {
		this.consumer = consumer;
		this.reader = reader;
		this.onFailure = onFailure;
		this.thread = new Thread(this::follow, name);
		this.thread.setDaemon(true);
	}

	public RecordFollower start() {
		this.thread.start();
		return this;
	}

	/** Why following stopped early, or null. */
	public RuntimeException error() {
		return this.error;
	}

	private void follow() {
		try {
			while (this.running) {
				// a broker restart shows as polls that return nothing for a while
				this.reader.accept(this.consumer.poll(POLL));
			}
		}
		catch (RuntimeException ex) {
			this.error = ex;
			this.onFailure.accept(ex);
		}
		finally {
			this.consumer.close(Duration.ofSeconds(5));
		}
	}

	/** Stops following within one poll, and waits for the thread. */
	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(Duration.ofSeconds(10).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
