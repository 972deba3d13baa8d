package io.reelay.downloader;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.reelay.downloader.transfer.DownloadAbandoned;
import io.reelay.event.EventJson;
import io.reelay.kafka.UnusableRecordException;
import io.reelay.testing.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every record ends its request, or is left for redelivery when the downloader stops. */
class RecordDownloadTests {

	private final List<Exception> recovered = new ArrayList<>();

	@Test
	void anErrorInTheDownloadStillEndsTheRequest() {
		RecordDownload download = new RecordDownload((completed) -> {
			throw new OutOfMemoryError("Java heap space");
		}, (record, ex) -> this.recovered.add(ex));

		boolean ended = download.run(aCompletedRecord());

		assertThat(ended).isTrue();
		assertThat(this.recovered).singleElement()
			.satisfies((ex) -> assertThat(ex).hasMessageContaining("OutOfMemoryError")
				.hasMessageContaining("reelay.downloader.max-concurrent"));
	}

	@Test
	void aDownloadAbandonedBecauseTheDownloaderStopsEndsNothing() {
		RecordDownload download = new RecordDownload((completed) -> {
			throw new DownloadAbandoned(new InterruptedException());
		}, (record, ex) -> this.recovered.add(ex));

		boolean ended = download.run(aCompletedRecord());

		assertThat(ended).isFalse();
		assertThat(this.recovered).isEmpty();
	}

	@Test
	void aRecordThatIsNotAnEventIsDeadLettered() {
		RecordDownload download = new RecordDownload((completed) -> {
		}, (record, ex) -> this.recovered.add(ex));

		boolean ended = download
			.run(new ConsumerRecord<>("video.completed", 0, 0, "r", "not json".getBytes(StandardCharsets.UTF_8)));

		assertThat(ended).isTrue();
		assertThat(this.recovered).singleElement().isInstanceOf(UnusableRecordException.class);
	}

	private static ConsumerRecord<String, byte[]> aCompletedRecord() {
		var completed = Events.aCompletedJob(Events.newRequestId(), "t", "https://cdn.example.com/v.mp4");
		return new ConsumerRecord<>("video.completed", 0, 0, completed.requestId(), EventJson.write(completed));
	}

}
