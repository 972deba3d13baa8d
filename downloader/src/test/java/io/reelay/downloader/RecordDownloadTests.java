package io.reelay.downloader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import io.reelay.downloader.transfer.DownloadAbandoned;
import io.reelay.downloader.transfer.ProviderTime;
import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.FailureContext;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.ledger.RequestState;
import io.reelay.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every record ends its request, or is left for redelivery when the downloader stops;
 * nothing is sent until the consumer commits the outcome.
 */
class RecordDownloadTests {

	private final Clock clock = Clock.systemUTC();

	private final EventPublisher events = new EventPublisher(null, Stage.DOWNLOADER, this.clock);

	private final FailedRecords failedRecords = new FailedRecords(Stage.DOWNLOADER, this.events, this.clock);

	@Test
	void aStoredVideoEndsInItsVideoStoredAndALedgerEntrySayingSo() {
		ConsumerRecord<String, byte[]> record = aCompletedRecord();
		RecordDownload download = new RecordDownload(RecordDownloadTests::stored, this.failedRecords, this.events,
				this.clock);

		DownloadOutcome outcome = download.run(record, Instant.now());

		assertThat(outcome.records()).singleElement().satisfies((out) -> {
			assertThat(out.topic()).isEqualTo("video.stored");
			assertThat(out.key()).isEqualTo(record.key());
		});
		assertThat(outcome.entry().requestId()).isEqualTo(record.key());
		assertThat(outcome.entry().state()).isEqualTo(RequestState.STORED);
		assertThat(outcome.entry().providerTaskId()).isEqualTo("t");
	}

	@Test
	void aVideoThatCannotBeStoredEndsInVideoFailedAndALedgerEntrySayingSo() {
		RecordDownload download = new RecordDownload((completed, providerTime) -> FailureContext.of(completed)
			.failed(Stage.DOWNLOADER, new ReelayException(FailureCode.INVALID_CONTENT, "not an MP4"),
					this.clock.instant()),
				this.failedRecords, this.events, this.clock);

		DownloadOutcome outcome = download.run(aCompletedRecord(), Instant.now());

		assertThat(outcome.records()).singleElement()
			.satisfies((out) -> assertThat(((VideoFailed) out.value()).code()).isEqualTo(FailureCode.INVALID_CONTENT));
		assertThat(outcome.entry().state()).isEqualTo(RequestState.FAILED);
	}

	@Test
	void anErrorInTheDownloadStillEndsTheRequest() {
		RecordDownload download = new RecordDownload((completed, providerTime) -> {
			throw new OutOfMemoryError("Java heap space");
		}, this.failedRecords, this.events, this.clock);

		DownloadOutcome outcome = download.run(aCompletedRecord(), Instant.now());

		assertThat(outcome.records()).extracting(ProducerRecord::topic)
			.containsExactly("video.completed-dlt", "video.failed");
		VideoFailed failed = (VideoFailed) outcome.records().get(1).value();
		assertThat(failed.code()).isEqualTo(FailureCode.INTERNAL);
		assertThat(failed.message()).contains("OutOfMemoryError").contains("reelay.downloader.max-concurrent");
		assertThat(outcome.entry().state()).isEqualTo(RequestState.FAILED);
	}

	@Test
	void aDownloadAbandonedBecauseTheDownloaderStopsEndsNothing() {
		RecordDownload download = new RecordDownload((completed, providerTime) -> {
			throw new DownloadAbandoned(new InterruptedException());
		}, this.failedRecords, this.events, this.clock);

		assertThat(download.run(aCompletedRecord(), Instant.now())).isNull();
	}

	@Test
	void aRecordThatIsNotAnEventIsDeadLettered() {
		RecordDownload download = new RecordDownload(RecordDownloadTests::stored, this.failedRecords, this.events,
				this.clock);

		DownloadOutcome outcome = download.run(
				new ConsumerRecord<>("video.completed", 0, 0, "r", "not json".getBytes(StandardCharsets.UTF_8)),
				Instant.now());

		assertThat(outcome.records()).extracting(ProducerRecord::topic)
			.containsExactly("video.completed-dlt", "video.failed");
		assertThat(((VideoFailed) outcome.records().get(1).value()).code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(outcome.entry().requestId()).isEqualTo("r");
		assertThat(outcome.entry().state()).isEqualTo(RequestState.FAILED);
	}

	@Test
	void aRecordWithoutKeyOrRequestIdIsDeadLetteredAndRemembersNothing() {
		RecordDownload download = new RecordDownload(RecordDownloadTests::stored, this.failedRecords, this.events,
				this.clock);

		DownloadOutcome outcome = download.run(
				new ConsumerRecord<>("video.completed", 0, 0, null, "not json".getBytes(StandardCharsets.UTF_8)),
				Instant.now());

		assertThat(outcome.records()).extracting(ProducerRecord::topic).containsExactly("video.completed-dlt");
		assertThat(outcome.entry()).isNull();
	}

	private static VideoStored stored(VideoCompleted completed, ProviderTime providerTime) {
		return new VideoStored(1, completed.requestId(), completed.provider(), completed.model(),
				completed.providerTaskId(), "bucket", "key.mp4", "s3://bucket/key.mp4", 16, "00", "video/mp4", null,
				null, null, completed.metadata());
	}

	private static ConsumerRecord<String, byte[]> aCompletedRecord() {
		var completed = Events.aCompletedJob(Events.newRequestId(), "t", "https://cdn.example.com/v.mp4");
		return new ConsumerRecord<>("video.completed", 0, 0, completed.requestId(), EventJson.write(completed));
	}

}
