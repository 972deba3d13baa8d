package io.reelay.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailureContextTests {

	@Test
	void recoversWhatItCanFromAnEventThatDidNotParse() {
		byte[] value = """
				{"requestId":"ignored-because-the-key-wins","provider":"generic","model":"m","duration":"five",
				 "requestedAt":"2026-11-21T10:00:00Z","metadata":{"team":"a","n":3}}
				""".getBytes(StandardCharsets.UTF_8);
		FailureContext context = FailureContext.ofRecord("req-1", value);
		assertThat(context.requestId()).isEqualTo("req-1");
		assertThat(context.provider()).isEqualTo("generic");
		assertThat(context.requestedAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
		assertThat(context.metadata()).containsExactly(java.util.Map.entry("team", "a"));
	}

	@Test
	void keepsOnlyTheKeyOfARecordThatIsNotJson() {
		FailureContext context = FailureContext.ofRecord("req-2", "not json at all".getBytes(StandardCharsets.UTF_8));
		assertThat(context).isEqualTo(new FailureContext("req-2", null, null, null, null, null));
	}

	@Test
	void takesTheRequestIdFromTheValueWhenTheRecordHasNoKey() {
		FailureContext context = FailureContext.ofRecord(null,
				"{\"requestId\":\"r3\"}".getBytes(StandardCharsets.UTF_8));
		assertThat(context.requestId()).isEqualTo("r3");
	}

	@Test
	void echoesTheRequestsMetadataAndKeepsTheTaskIdInTheFailure() {
		VideoFailed failed = FailureContext.of(SampleEvents.submitted())
			.failed(Stage.POLLER, FailureCode.TIMEOUT, "too slow", null, SampleEvents.COMPLETED_AT);
		assertThat(failed.providerTaskId()).isEqualTo("job_8c1d2e");
		assertThat(failed.metadata()).isEqualTo(SampleEvents.METADATA);
		assertThat(failed.requestedAt()).isEqualTo(SampleEvents.REQUESTED_AT);
	}

}
