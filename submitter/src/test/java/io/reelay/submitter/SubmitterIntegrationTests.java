package io.reelay.submitter;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.WorkTiming;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestState;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;
import io.reelay.testing.Events;
import io.reelay.testing.StageTestSupport;
import io.reelay.testing.TestImages;
import io.reelay.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The submitter on a real broker against the simulator. Closed after the class: other
 * classes start submitters of their own in the same group.
 */
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class SubmitterIntegrationTests extends StageTestSupport {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

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
	void stampsItsVideoSubmittedWithWhenItTookTheRequestAndHowLongTheCreateCallTook() {
		VideoRequested request = Events.aRequest();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		ConsumerRecord<String, byte[]> submitted = this.watcher.awaitRecord("video.submitted", request.requestId());

		assertTimedWithAProviderCall(submitted);
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
				"send its s3:// URI instead",
				"lastFrameImage: s3://someone-elses-bucket/frame.png is not in " + "Reelay's bucket 'reelay-videos'",
				"referenceAudios[0]: s3://reelay-videos/inputs/missing.mp3 does not exist",
				"referenceAudios[1]: must be an http(s) URL, a data: URL or an s3://bucket/key URI");
		assertThat(simulator.tasks().callsOf("create", prompt)).isZero();
	}

	@Test
	void retriesAMinimaxRateLimitAnsweredInsideHttp200AndCreatesTheJobOnce(CapturedOutput output) {
		String prompt = "a crowded station at rush hour " + Events.newRequestId();
		simulator.faults().add(new FaultRule("minimax", Operation.CREATE, Fault.RATE_LIMIT, 1, prompt));
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt)
			.toBuilder()
			.provider("minimax")
			.model("T2V-01")
			.duration(null)
			.resolution(null)
			.build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoSubmitted submitted = this.watcher.awaitEvent("video.submitted", request.requestId(),
				VideoSubmitted.class);

		assertThat(submitted.provider()).isEqualTo("minimax");
		assertThat(simulator.tasks().createCalls("minimax", prompt)).isEqualTo(2);
		assertThat(output).contains("request " + request.requestId()
				+ " on video.requests: attempt 1 failed (RATE_LIMITED), trying again: minimax");
		assertThat(simulator.tasks().all()).filteredOn((task) -> task.prompt().equals(prompt)).hasSize(1);
	}

	@Test
	void givesTchaviAPresignedUrlOfAFirstFrameSentAsAClaimCheck() throws Exception {
		byte[] png = TestImages.image("png", 640, 360);
		String key = "inputs/" + Events.newRequestId() + ".png";
		try (MinioObjectStore store = new MinioObjectStore(new StorageProperties(TestInfrastructure.s3().endpoint(),
				"us-east-1", TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY, "reelay-videos", true,
				ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofMegabytes(5)))) {
			store.ensureBucket();
			store.put(key, new ByteArrayInputStream(png), png.length, "image/png", Map.of());
		}
		String prompt = "the statue at golden hour " + Events.newRequestId();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt)
			.toBuilder()
			.provider("tchavi")
			.model("seedance-2")
			.resolution("480p")
			.image("s3://reelay-videos/" + key)
			.build();
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		this.watcher.awaitEvent("video.submitted", request.requestId(), VideoSubmitted.class);

		String body = simulator.received("tchavi")
			.stream()
			.filter((received) -> received.bodyText().contains(prompt))
			.findFirst()
			.orElseThrow()
			.bodyText();
		String imageUrl = EventJson.mapper().readTree(body).path("image_url").asString();
		assertThat(imageUrl).startsWith(TestInfrastructure.s3().endpoint() + "/reelay-videos/" + key)
			.contains("X-Amz-Signature=");
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(imageUrl)).build(), HttpResponse.BodyHandlers.ofByteArray())
			.body()).isEqualTo(png);
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

	@Test
	void submitsAClientDuplicateOnceAndPublishesItsVideoSubmittedAgain() {
		String prompt = "twice sent " + Events.newRequestId();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		List<ConsumerRecord<String, byte[]>> submitted = this.watcher.awaitRecords("video.submitted",
				(r) -> request.requestId().equals(r.key()), 2);

		List<VideoSubmitted> events = submitted.stream()
			.filter((r) -> request.requestId().equals(r.key()))
			.map((r) -> EventJson.mapper().readValue(r.value(), VideoSubmitted.class))
			.toList();
		assertThat(events).extracting(VideoSubmitted::providerTaskId).containsOnly(events.get(0).providerTaskId());
		assertThat(submitted).filteredOn((r) -> request.requestId().equals(r.key()))
			.extracting((r) -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
			.hasSize(2)
			.containsOnly(new String(submitted.stream()
				.filter((r) -> request.requestId().equals(r.key()))
				.findFirst()
				.orElseThrow()
				.headers()
				.lastHeader("ce_id")
				.value(), StandardCharsets.UTF_8));
		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(1);
	}

	@Test
	void endsAnInvalidRequestOnceAndDeadLettersItWhateverTheCopies() {
		VideoRequested base = Events.aRequest();
		VideoRequested request = base.toBuilder().model(" ").build();
		VideoRequested after = sameLedgerPartition(request.requestId());
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		this.publisher.publishEvent("video.requests", after.requestId(), after);

		// records of one partition are handled in order: once the later request is done,
		// so are both copies
		this.watcher.awaitEvent("video.submitted", after.requestId(), VideoSubmitted.class);

		assertThat(this.watcher.recordsNow("video.failed", (r) -> request.requestId().equals(r.key()))).hasSize(1);
		ConsumerRecord<String, byte[]> deadLetter = this.watcher.awaitRecord("video.requests-dlt", request.requestId());
		assertThat(new String(deadLetter.headers().lastHeader("kafka_dlt-exception-message").value(),
				StandardCharsets.UTF_8))
			.contains("model: required");
		assertThat(this.watcher.recordsNow("video.requests-dlt", (r) -> request.requestId().equals(r.key())))
			.hasSize(1);
	}

	@Test
	void remembersWhatItSubmittedAcrossARestart() {
		String prompt = "remembered " + Events.newRequestId();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		VideoSubmitted first = this.watcher.awaitEvent("video.submitted", request.requestId(), VideoSubmitted.class);

		restartListener(() -> {
		});
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		List<ConsumerRecord<String, byte[]>> submitted = this.watcher.awaitRecords("video.submitted",
				(r) -> request.requestId().equals(r.key()), 2);
		assertThat(submitted).filteredOn((r) -> request.requestId().equals(r.key()))
			.extracting((r) -> EventJson.mapper().readValue(r.value(), VideoSubmitted.class).providerTaskId())
			.containsOnly(first.providerTaskId());
		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(1);
	}

	@Test
	void failsACallCutShortByACrashWhenTheProviderCannotTellWhetherItCreatedAJob() {
		String prompt = "cut short " + Events.newRequestId();
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		Instant callStartedAt = Instant.now().minus(Duration.ofMinutes(5));
		restartListener(() -> writeLedger(request, "generic", callStartedAt));
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
		assertThat(failed.provider()).isEqualTo("generic");
		assertThat(failed.message()).contains("started at " + callStartedAt, "generic has no list API");
		assertThat(simulator.tasks().callsOf("create", prompt)).isZero();
	}

	@Test
	void submitsACallCutShortByACrashWhenTheProvidersListShowsNothingWasCreated() {
		String prompt = "nothing made " + Events.newRequestId();
		VideoRequested request = tchavi(Events.aRequest(Events.newRequestId(), prompt));
		// long before the simulator started: no job can be listed around it
		Instant callStartedAt = Instant.now().minus(Duration.ofHours(3));
		restartListener(() -> writeLedger(request, "tchavi", callStartedAt));
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		this.watcher.awaitEvent("video.submitted", request.requestId(), VideoSubmitted.class);

		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(1);
	}

	@Test
	void failsACallCutShortByACrashWhenTheProvidersListShowsAJobThatMayBeIts() {
		VideoRequested other = tchavi(
				Events.aRequest(Events.newRequestId(), "someone else's " + Events.newRequestId()));
		this.publisher.publishEvent("video.requests", other.requestId(), other);
		this.watcher.awaitEvent("video.submitted", other.requestId(), VideoSubmitted.class);
		String prompt = "maybe made " + Events.newRequestId();
		VideoRequested request = tchavi(Events.aRequest(Events.newRequestId(), prompt));
		// long enough ago for the call to be over, recent enough for the other job
		Instant callStartedAt = Instant.now().minus(Duration.ofSeconds(40));
		restartListener(() -> writeLedger(request, "tchavi", callStartedAt));
		this.publisher.publishEvent("video.requests", request.requestId(), request);

		VideoFailed failed = this.watcher.awaitEvent("video.failed", request.requestId(), VideoFailed.class);

		assertThat(failed.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
		assertThat(failed.message()).contains("tchavi lists", "one of them may be this request's");
		assertThat(simulator.tasks().callsOf("create", prompt)).isZero();
		// the list call is the provider time of the step that failed it
		assertTimedWithAProviderCall(this.watcher.awaitRecord("video.failed", request.requestId()));
	}

	/**
	 * The record says when the step that produced it began (not after the record was
	 * made; the timestamp is in milliseconds) and that a provider call took some time.
	 */
	private static void assertTimedWithAProviderCall(ConsumerRecord<String, byte[]> record) {
		WorkTiming timing = WorkTiming.readFrom(record.headers()).orElseThrow();
		assertThat(timing.startedAt().toEpochMilli()).isLessThanOrEqualTo(record.timestamp());
		assertThat(timing.providerTime()).isPositive();
	}

	private static VideoRequested tchavi(VideoRequested request) {
		return request.toBuilder().provider("tchavi").model("seedance-2").resolution("480p").build();
	}

	/**
	 * What a submitter killed during the create call leaves behind: the call's intent and
	 * nothing else.
	 */
	private void writeLedger(VideoRequested request, String provider, Instant callStartedAt) {
		LedgerEntry calling = new LedgerEntry(request.requestId(), RequestState.CALLING, provider, request.model(),
				null, callStartedAt, Instant.now());
		this.publisher.publishEvent(SubmitterKafka.LEDGER, request.requestId(), calling);
	}

	/**
	 * Stops the listener, does something, and starts it again: it loads the ledger anew,
	 * as a restarted submitter does.
	 */
	private void restartListener(Runnable meanwhile) {
		MessageListenerContainer container = this.listeners.getListenerContainer("reelay-submitter");
		container.stop();
		meanwhile.run();
		container.start();
	}

	/** A request that lands on the same partition as the given request id. */
	private static VideoRequested sameLedgerPartition(String requestId) {
		int partition = partitionOf(requestId);
		while (true) {
			VideoRequested candidate = Events.aRequest();
			if (partitionOf(candidate.requestId()) == partition) {
				return candidate;
			}
		}
	}

	private static int partitionOf(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3;
	}

	@Test
	void stopsOnlyOnceTheRequestInHandIsSubmittedAndCommitted() {
		String prompt = "a slow provider " + Events.newRequestId();
		simulator.faults()
			.add(new FaultRule("generic", Operation.CREATE, Fault.SLOW, 1, prompt, 0, Duration.ofSeconds(3), 0));
		VideoRequested request = Events.aRequest(Events.newRequestId(), prompt);
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		await().atMost(Duration.ofSeconds(30)).until(() -> simulator.tasks().callsOf("create", prompt) == 1);

		MessageListenerContainer container = this.listeners.getListenerContainer("reelay-submitter");
		container.stop();
		List<ConsumerRecord<String, byte[]>> submittedBeforeStopping = this.watcher.recordsNow("video.submitted",
				(r) -> request.requestId().equals(r.key()));
		container.start();
		this.publisher.publishEvent("video.requests", request.requestId(), request);
		this.watcher.awaitRecords("video.submitted", (r) -> request.requestId().equals(r.key()), 2);

		assertThat(submittedBeforeStopping).hasSize(1);
		assertThat(simulator.tasks().callsOf("create", prompt)).isEqualTo(1);
	}

}
