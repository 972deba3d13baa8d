package io.reelay.submitter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The submitter on a real broker against the simulator. */
@SpringBootTest
class SubmitterIntegrationTests extends StageTestSupport {

	@Override
	protected String[] watchedTopics() {
		return new String[] { "video.submitted", "video.failed", "video.requests-dlt" };
	}

	@Test
	void submitsARequestAndPublishesTheProvidersTaskId() {
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoSubmitted submitted = this.watcher.awaitEvent("video.submitted", request.requestId(),
				VideoSubmitted.class);

		assertThat(simulator.tasks().find(submitted.providerTaskId()))
			.hasValueSatisfying((task) -> assertThat(task.prompt()).isEqualTo(request.prompt()));
		assertThat(submitted.provider()).isEqualTo("generic");
		assertThat(submitted.model()).isEqualTo(request.model());
		assertThat(submitted.metadata()).isEqualTo(request.metadata());
		assertThat(submitted.requestedAt()).isEqualTo(request.requestedAt());
		assertThat(submitted.deadline()).isEqualTo(request.requestedAt().plus(Duration.ofMinutes(30)));
	}

	@Test
	void takesTheRequestIdFromTheRecordKeyWhenTheEventHasNone() {
		String requestId = Events.newRequestId();
		this.publisher.publishBytes("video.requests", requestId,
				"{\"provider\":\"generic\",\"model\":\"m\",\"prompt\":\"a quiet lake\"}"
					.getBytes(StandardCharsets.UTF_8));

		VideoSubmitted submitted = this.watcher.awaitEvent("video.submitted", requestId, VideoSubmitted.class);

		assertThat(submitted.requestId()).isEqualTo(requestId);
		assertThat(submitted.requestedAt()).isNotNull();
	}

	@Test
	void failsAnInvalidRequestNamingEveryBadFieldWithoutCallingTheProvider() {
		String prompt = "x".repeat(2001);
		VideoRequested base = Events.aRequest(Events.newRequestId(), prompt);
		VideoRequested request = base.toBuilder()
			.model(" ")
			.duration(-2)
			.resolution(null)
			.seed(7L)
			.metadata(Map.of("team", "a"))
			.requestedAt(null)
			.build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.stage()).isEqualTo(Stage.SUBMITTER);
		assertThat(failed.message()).contains("model: required", "prompt: 2001 characters, at most 2000",
				"duration: -2 seconds", "seed: not supported by generic");
		assertThat(failed.metadata()).containsEntry("team", "a");
		assertThat(simulator.tasks().callsOf("create", prompt)).isZero();
	}

	@Test
	void failsARequestForAnUnknownProvider() {
		VideoRequested base = Events.aRequest();
		VideoRequested request = VideoRequested.builder()
			.requestId(base.requestId())
			.provider("sora-9")
			.model("m")
			.prompt("p")
			.build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.message()).contains("provider: 'sora-9' is unknown");
	}

	@Test
	void refusesMediaThatCannotTravelOrDoesNotExistBeforeCallingAnyProvider() {
		String prompt = "a first frame too heavy for Kafka " + Events.newRequestId();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt)
			.toBuilder()
			.provider("tchavi")
			.model("seedance-2")
			.resolution("480p")
			.image("data:image/png;base64," + "A".repeat(600 * 1024 - 100))
			.lastFrameImage("s3://someone-elses-bucket/frame.png")
			.referenceAudios(List.of("s3://reelay-videos/inputs/missing.mp3", "ftp://example.com/a.mp3"))
			.build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.message()).contains("image: a data: URL of 600 KiB, more than the 512 KiB",
				"send its s3:// URI instead", "lastFrameImage: s3://someone-elses-bucket/frame.png is not in "
						+ "Reelay's bucket 'reelay-videos'",
				"referenceAudios[0]: s3://reelay-videos/inputs/missing.mp3 does not exist",
				"referenceAudios[1]: must be an http(s) URL, a data: URL or an s3://bucket/key URI");
		assertThat(simulator.tasks().callsOf("create", prompt)).isZero();
	}

	@Test
	void deadLettersARecordThatIsNotJsonAndKeepsConsumingTheRest() {
		String broken = Events.newRequestId();
		VideoRequested good = Events.aRequest();
		this.publisher.publishBytes("video.requests", broken, "{not json".getBytes(StandardCharsets.UTF_8));
		this.publisher.publishEvent("video.requests", good.requestId(), good);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", broken, VideoFailed.class);
		ConsumerRecord<String, byte[]> deadLetter = this.watcher.awaitRecord("video.requests-dlt", broken);

		assertThat(failed.code()).isEqualTo(FailureCode.INVALID_REQUEST);
		assertThat(failed.message()).contains("is not a valid event", "video.requests-dlt");
		assertThat(new String(deadLetter.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		this.watcher.awaitEvent("video.submitted", good.requestId(), VideoSubmitted.class);
	}

	@Test
	void retriesARateLimitedSubmissionAndCreatesTheJobOnce() {
		String prompt = "a busy afternoon " + Events.newRequestId() + " [sim:busy]";
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		this.watcher.awaitEvent("video.submitted", request.requestId(), VideoSubmitted.class);

		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(2);
		assertThat(simulator.tasks().all()).filteredOn((task) -> task.prompt().equals(prompt)).hasSize(1);
	}

	@Test
	void neverResubmitsWhenTheProviderMayHaveCreatedTheJob() {
		String prompt = "an uncertain outcome " + Events.newRequestId() + " [sim:create-error]";
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
		assertThat(failed.providerError().httpStatus()).isEqualTo(500);
		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(1);
	}

}
