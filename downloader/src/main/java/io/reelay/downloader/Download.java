package io.reelay.downloader;

import java.time.Instant;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One record being downloaded, from the moment a thread took it until it is committed.
 */
final class Download {

	private final ConsumerRecord<String, byte[]> record;

	private final TopicPartition partition;

	private final Instant takenAt;

	private volatile Future<?> running;

	/**
	 * @param takenAt when the record was handed to the download pool
	 */
	Download(ConsumerRecord<String, byte[]> record, Instant takenAt) {
		this.record = record;
		this.partition = new TopicPartition(record.topic(), record.partition());
		this.takenAt = takenAt;
	}

	ConsumerRecord<String, byte[]> record() {
		return this.record;
	}

	Instant takenAt() {
		return this.takenAt;
	}

	/** The record's key, which is its request id; null for a record without one. */
	String requestId() {
		return this.record.key();
	}

	TopicPartition partition() {
		return this.partition;
	}

	long offset() {
		return this.record.offset();
	}

	void runs(Future<?> running) {
		this.running = running;
	}

	/** Interrupts the download: it aborts its upload and publishes nothing. */
	void abandon() {
		Future<?> future = this.running;
		if (future != null) {
			future.cancel(true);
		}
	}

	@Override
	public String toString() {
		return "request " + requestId() + " (" + this.partition + "@" + offset() + ")";
	}

}
