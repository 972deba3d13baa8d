package io.reelay.cli.watch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.FailureCode;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.event.StageTimings;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The watch's board, fed records as the topics hand them over. */
class RequestBoardTests {

	private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void keepsTheFurthestStageWhenTheTopicsDeliverOutOfOrder() {
		RequestBoard board = new RequestBoard(10);
		board.apply(record(stored("r-1", T0), T0.plusSeconds(8)));
		board.apply(record(submitted("r-1", T0), T0.plusSeconds(1)));
		board.apply(record(requested("r-1", T0), T0));

		RequestRow row = board.latest().get(0);
		assertThat(row.stage()).isEqualTo("stored");
		assertThat(row.provider()).isEqualTo("generic");
		assertThat(row.took()).isEqualTo(Duration.ofSeconds(8));
		assertThat(row.age(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(60));
		assertThat(row.outcome()).isEqualTo("s3://reelay-videos/videos/r-1.mp4  61.0 KB");
	}

	@Test
	void showsTheLatestRequestsNewestFirstAndKeepsNoMoreThanItShows() {
		RequestBoard board = new RequestBoard(3);
		for (int i = 1; i <= 10; i++) {
			Instant at = T0.plusSeconds(i);
			board.apply(record(requested("r-" + i, at), at));
		}
		board.apply(record(failed("r-9", T0.plusSeconds(9)), T0.plusSeconds(20)));
		// a late event of a request long dropped does not push out newer ones
		board.apply(record(stored("r-1", T0.plusSeconds(1)), T0.plusSeconds(21)));

		assertThat(board.latest()).extracting(RequestRow::requestId).containsExactly("r-10", "r-9", "r-8");
		assertThat(board.latest().get(1).outcome()).startsWith("CONTENT_POLICY: ");
		assertThat(board.count(EventType.REQUESTED)).isEqualTo(10);
		assertThat(board.count(EventType.FAILED)).isEqualTo(1);
	}

	@Test
	void leavesOutRecordsThatAreNotEvents() {
		RequestBoard board = new RequestBoard(5);
		board.apply(new ConsumerRecord<>("video.requests", 0, 0, "junk", "not json".getBytes(StandardCharsets.UTF_8)));

		assertThat(board.latest()).isEmpty();
		assertThat(board.unreadable()).isEqualTo(1);
		assertThat(BoardView.render(board, "localhost:9092", T0, T0)).containsExactly(
				"Reelay on localhost:9092, since 2026-11-21T10:00:00Z: 0 requested, 0 stored, 0 failed",
				"1 records were not readable events and are left out", "No requests since then.");
	}

	@Test
	void rendersATableWithAColumnPerField() {
		RequestBoard board = new RequestBoard(5);
		board.apply(record(requested("r-1", T0), T0));
		board.apply(record(submitted("r-1", T0), T0.plusSeconds(1)));

		List<String> lines = BoardView.render(board, "localhost:9092", T0, T0.plusSeconds(75));

		assertThat(lines.subList(2, lines.size())).containsExactly(
				"REQUEST  PROVIDER  MODEL        STAGE           AGE  TOOK  OUTCOME",
				"r-1      generic   sim-video-1  submitted  1 m 15 s        task task-r-1");
	}

	private static ConsumerRecord<String, byte[]> record(PipelineEvent event, Instant at) {
		return new ConsumerRecord<>(event.type().topic(), 0, 0, at.toEpochMilli(), TimestampType.CREATE_TIME, 0, 0,
				event.requestId(), EventJson.write(event), new RecordHeaders(), Optional.empty());
	}

	private static VideoRequested requested(String id, Instant at) {
		return VideoRequested.builder().requestId(id).provider("generic").model("sim-video-1").requestedAt(at).build();
	}

	private static VideoSubmitted submitted(String id, Instant requestedAt) {
		return new VideoSubmitted(1, id, "generic", "sim-video-1", "task-" + id, "queued", requestedAt,
				requestedAt.plusSeconds(1), null, null);
	}

	private static VideoStored stored(String id, Instant requestedAt) {
		return new VideoStored(1, id, "generic", "sim-video-1", "task-" + id, "reelay-videos", "videos/" + id + ".mp4",
				"s3://reelay-videos/videos/" + id + ".mp4", 62464, "ab", "video/mp4", null, null,
				new StageTimings(requestedAt, null, null, null), null);
	}

	private static VideoFailed failed(String id, Instant requestedAt) {
		return new VideoFailed(1, id, Stage.POLLER, FailureCode.CONTENT_POLICY, "the provider refused the prompt",
				"generic", "sim-video-1", "task-" + id, null, null, requestedAt, null, null);
	}

}
