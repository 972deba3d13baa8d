package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.reelay.event.VideoSubmitted;
import io.reelay.testing.Events;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingPollTests {

	private final VideoSubmitted job = Events.aSubmittedJob("req-1", "video_1", null);

	private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void carriesEverythingItKnowsOfAJobInHeaders() {
		PendingPoll poll = new PendingPoll(this.job, 3, this.now.plusSeconds(9), this.now, 40, 25, 1, "processing");

		PendingPoll read = PendingPoll.read(this.job, headersOf(poll), this.now.plusSeconds(60));

		assertThat(read).isEqualTo(poll);
		assertThat(poll.headers()).containsEntry("reelay_poll_attempt", "4");
	}

	@Test
	void treatsARecordWithoutHeadersAsAFirstCheckDueAtOnce() {
		PendingPoll read = PendingPoll.read(this.job, new RecordHeaders(), this.now);

		assertThat(read.checksDone()).isZero();
		assertThat(read.due()).isEqualTo(this.now);
		assertThat(read.progress()).isNull();
	}

	@Test
	void ignoresAHeaderThatIsNotANumber() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("reelay_poll_due", "soon".getBytes(StandardCharsets.UTF_8));

		assertThat(PendingPoll.read(this.job, headers, this.now).due()).isEqualTo(this.now);
	}

	private static RecordHeaders headersOf(PendingPoll poll) {
		RecordHeaders headers = new RecordHeaders();
		poll.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		return headers;
	}

}
