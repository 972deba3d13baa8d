package io.reelay.downloader;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records one consumer took and has not committed yet, and how far each partition can
 * be committed: up to the lowest offset still open. Downloads end in any order; a record
 * above one still running waits for it, so a crash delivers both again, and the ledger
 * tells which of them already ended. Used by the consumer's thread only.
 */
final class InFlight {

	private final Map<TopicPartition, Progress> partitions = new HashMap<>();

	private final Map<String, Download> byRequest = new HashMap<>();

	/** A record whose download now runs. */
	void started(Download download) {
		progress(download.partition()).open(download.offset(), download);
		if (download.requestId() != null) {
			this.byRequest.put(download.requestId(), download);
		}
	}

	/** The download of this request that runs here, if any. */
	Download downloading(String requestId) {
		return this.byRequest.get(requestId);
	}

	/**
	 * Another record of a request whose download runs: it ends when that download is
	 * committed, and goes back to Kafka with it otherwise.
	 */
	void duplicate(Download running, ConsumerRecord<?, ?> record) {
		progress(partitionOf(record)).open(record.offset(), running);
	}

	/** A record that needs nothing done: it can be committed once those before it are. */
	void skipped(ConsumerRecord<?, ?> record) {
		progress(partitionOf(record)).pass(record.offset());
	}

	/** Whether the download is still this consumer's to commit. */
	boolean tracks(Download download) {
		Progress progress = this.partitions.get(download.partition());
		return progress != null && progress.open.get(download.offset()) == download;
	}

	/**
	 * The offsets to commit once {@code ending} are committed: only those of partitions
	 * that moved since their last commit.
	 */
	Map<TopicPartition, OffsetAndMetadata> offsetsAfter(Set<Download> ending) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
		this.partitions.forEach((partition, progress) -> {
			long next = progress.committable(ending);
			if (next > progress.committed) {
				offsets.put(partition, new OffsetAndMetadata(next));
			}
		});
		return offsets;
	}

	/** Takes in a commit of {@code ended} and {@code offsets}. */
	void committed(Collection<Download> ended, Map<TopicPartition, OffsetAndMetadata> offsets) {
		for (Download download : ended) {
			Progress progress = this.partitions.get(download.partition());
			if (progress != null) {
				progress.open.values().removeIf((open) -> open == download);
			}
			if (download.requestId() != null) {
				this.byRequest.remove(download.requestId(), download);
			}
		}
		offsets.forEach((partition, offset) -> {
			Progress progress = this.partitions.get(partition);
			if (progress != null) {
				progress.committed = Math.max(progress.committed, offset.offset());
			}
		});
	}

	/** Whether any record of these partitions is still open. */
	boolean holds(Collection<TopicPartition> partitions) {
		for (TopicPartition partition : partitions) {
			Progress progress = this.partitions.get(partition);
			if (progress != null && !progress.open.isEmpty()) {
				return true;
			}
		}
		return false;
	}

	boolean isEmpty() {
		return !holds(this.partitions.keySet());
	}

	/**
	 * Forgets partitions this consumer no longer owns, or gives up on.
	 * @return their downloads, to abandon
	 */
	List<Download> forget(Collection<TopicPartition> partitions) {
		List<Download> dropped = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			Progress progress = this.partitions.remove(partition);
			if (progress != null) {
				progress.open.values().stream().distinct().forEach(dropped::add);
			}
		}
		dropped.forEach((download) -> this.byRequest.remove(download.requestId(), download));
		return dropped;
	}

	/** Everything this consumer holds now. */
	List<TopicPartition> partitions() {
		return new ArrayList<>(this.partitions.keySet());
	}

	private Progress progress(TopicPartition partition) {
		return this.partitions.computeIfAbsent(partition, (p) -> new Progress());
	}

	private static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
		return new TopicPartition(record.topic(), record.partition());
	}

	/** One partition: its open records by offset, and where it stands. */
	private static final class Progress {

		private final TreeMap<Long, Download> open = new TreeMap<>();

		/** The offset after the last record taken. */
		private long next = -1;

		private long committed = -1;

		void open(long offset, Download download) {
			this.open.put(offset, download);
			pass(offset);
		}

		void pass(long offset) {
			if (this.next < 0) {
				// the group's position: nothing to commit before this record ends
				this.committed = offset;
			}
			this.next = Math.max(this.next, offset + 1);
		}

		long committable(Set<Download> ending) {
			for (Map.Entry<Long, Download> open : this.open.entrySet()) {
				if (!ending.contains(open.getValue())) {
					return open.getKey();
				}
			}
			return this.next;
		}

	}

}
