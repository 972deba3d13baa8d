package io.reelay.downloader;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offsets are committed up to the lowest record still open, whatever order ends come in.
 */
class InFlightTests {

	private static final TopicPartition P0 = new TopicPartition("video.completed", 0);

	private static final TopicPartition P1 = new TopicPartition("video.completed", 1);

	private final InFlight inFlight = new InFlight();

	@Test
	void commitsNothingBeforeTheFirstRecordEnds() {
		start(0, 5, "a");
		start(0, 6, "b");

		assertThat(this.inFlight.offsetsAfter(ending())).isEmpty();
	}

	@Test
	void aRecordEndingBeforeAnEarlierOneLeavesTheOffsetAtTheEarlierOne() {
		Download a = start(0, 5, "a");
		Download b = start(0, 6, "b");
		Download c = start(0, 7, "c");

		assertThat(this.inFlight.offsetsAfter(ending(b))).isEmpty();
		commit(b);
		assertThat(this.inFlight.offsetsAfter(ending(a))).containsExactly(Map.entry(P0, new OffsetAndMetadata(7)));
		commit(a);
		assertThat(this.inFlight.offsetsAfter(ending(c))).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
		commit(c);
		assertThat(this.inFlight.isEmpty()).isTrue();
	}

	@Test
	void skippedRecordsAreCommittedOnceThoseBeforeThemAre() {
		Download a = start(0, 5, "a");
		this.inFlight.skipped(record(0, 6, "done-before"));
		this.inFlight.skipped(record(0, 7, "done-before-too"));

		assertThat(this.inFlight.offsetsAfter(ending())).isEmpty();
		assertThat(this.inFlight.offsetsAfter(ending(a))).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
	}

	@Test
	void aSkippedRecordWithNothingOpenIsCommittedAtOnce() {
		this.inFlight.skipped(record(1, 3, "done-before"));
		this.inFlight.skipped(record(1, 4, "done-before-too"));

		assertThat(this.inFlight.offsetsAfter(ending())).containsExactly(Map.entry(P1, new OffsetAndMetadata(5)));
	}

	@Test
	void aCopyOfARequestDownloadingEndsWithItsDownload() {
		Download a = start(0, 5, "a");
		this.inFlight.duplicate(this.inFlight.downloading("a"), record(0, 6, "a"));
		Download b = start(0, 7, "b");
		commit(b);

		assertThat(this.inFlight.offsetsAfter(ending())).isEmpty();
		assertThat(this.inFlight.offsetsAfter(ending(a))).containsExactly(Map.entry(P0, new OffsetAndMetadata(8)));
		commit(a);
		assertThat(this.inFlight.downloading("a")).isNull();
	}

	@Test
	void partitionsMoveOnIndependently() {
		Download a = start(0, 5, "a");
		Download b = start(1, 9, "b");

		assertThat(this.inFlight.offsetsAfter(ending(b))).containsExactly(Map.entry(P1, new OffsetAndMetadata(10)));
		commit(b);
		assertThat(this.inFlight.holds(List.of(P0))).isTrue();
		assertThat(this.inFlight.holds(List.of(P1))).isFalse();
		assertThat(this.inFlight.downloading("a")).isSameAs(a);
	}

	@Test
	void aForgottenPartitionHandsBackItsDownloadsOnceAndCommitsNothingMore() {
		Download a = start(0, 5, "a");
		this.inFlight.duplicate(a, record(0, 6, "a"));
		Download b = start(0, 7, "b");
		Download c = start(1, 2, "c");

		assertThat(this.inFlight.forget(List.of(P0))).containsExactlyInAnyOrder(a, b);

		assertThat(this.inFlight.tracks(a)).isFalse();
		assertThat(this.inFlight.tracks(c)).isTrue();
		assertThat(this.inFlight.downloading("a")).isNull();
		assertThat(this.inFlight.offsetsAfter(ending(a, b))).isEmpty();
		assertThat(this.inFlight.partitions()).containsExactly(P1);
	}

	private Download start(int partition, long offset, String requestId) {
		Download download = new Download(record(partition, offset, requestId), Instant.now());
		this.inFlight.started(download);
		return download;
	}

	private void commit(Download... downloads) {
		Set<Download> ending = ending(downloads);
		this.inFlight.committed(ending, this.inFlight.offsetsAfter(ending));
	}

	private static Set<Download> ending(Download... downloads) {
		Set<Download> ending = Collections.newSetFromMap(new IdentityHashMap<>());
		ending.addAll(List.of(downloads));
		return ending;
	}

	private static ConsumerRecord<String, byte[]> record(int partition, long offset, String requestId) {
		return new ConsumerRecord<>("video.completed", partition, offset, requestId, new byte[0]);
	}

}
