package io.reelay.provider.tchavi;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.Usage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.testing.AdapterTestSupport;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderCalls;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.reelay.testing.ProviderCalls.awaitFailed;
import static io.reelay.testing.ProviderCalls.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The tchavi adapter against the simulated tchavi API, errors included. */
class TchaviProviderIntegrationTests extends AdapterTestSupport<TchaviProvider> {

	TchaviProviderIntegrationTests() {
		super("tchavi", TchaviProvider::new);
	}

	@Override
	protected VideoRequested aPlainRequest(String prompt) {
		return aRequest(prompt).build();
	}

	@Test
	void followsAJobFromSubmissionToTheVideoItServes() throws Exception {
		TchaviProvider provider = provider();
		VideoRequested request = aRequest("A koi pond at dawn").build();
		SubmittedTask task = provider.submit(request, ProviderFixtures.media());
		assertThat(task.providerTaskId()).startsWith("job_");
		assertThat(task.providerStatus()).isEqualTo("processing");
		TaskStatus.Succeeded done = awaitSucceeded(provider, task);
		assertThat(done.providerStatus()).isEqualTo("completed");
		assertThat(done.download().expiresAt()).isNotNull();
		assertThat(done.usage()).isEqualTo(new Usage(1300.0, null, null, 5.0, Usage.Source.REPORTED));
		DownloadRequest download = provider.download(completed(request, task, done));
		assertThat(ProviderCalls.fetch(download)).isEqualTo(simulator.videoOf(task.providerTaskId()));
	}

	@Test
	void sendsEveryDocumentedFieldUnderItsOwnName() {
		VideoRequested request = aRequest("A lighthouse at dusk " + Events.newRequestId()).model("kling-v3")
			.duration(-1)
			.resolution("720p")
			.aspectRatio("9:16")
			.generateAudio(false)
			.seed(42L)
			.providerOptions(Map.of("callback_url", "https://example.com/hook"))
			.build();
		SubmittedTask task = provider().submit(request, ProviderFixtures.media());
		JsonNode body = createBody(request.prompt());
		assertThat(body.get("model").asString()).isEqualTo("kling-v3");
		assertThat(body.get("duration").isIntegralNumber()).isTrue();
		assertThat(body.get("duration").asInt()).isEqualTo(-1);
		assertThat(body.get("resolution").asString()).isEqualTo("720p");
		assertThat(body.get("aspect_ratio").asString()).isEqualTo("9:16");
		assertThat(body.get("generate_audio").asBoolean()).isFalse();
		assertThat(body.get("seed").asLong()).isEqualTo(42);
		assertThat(body.get("callback_url").asString()).isEqualTo("https://example.com/hook");
		// auto is billed as 10 seconds
		TaskStatus.Succeeded done = awaitSucceeded(provider(), task);
		assertThat(done.usage().credits()).isEqualTo(5800.0);
		assertThat(done.usage().videoSeconds()).isEqualTo(10.0);
	}

	@Test
	void givesTchaviUrlsItCanFetchForImagesInlineInTheBucketOrOnTheWeb() throws Exception {
		String inline = TestImages.pngDataUrl(640, 360);
		String inBucket = TestImages.pngInBucket(320, 180);
		VideoRequested request = aRequest("A paper boat " + Events.newRequestId()).image(inline)
			.lastFrameImage(inBucket)
			.referenceVideos(List.of("https://example.com/motion.mp4"))
			.referenceAudios(List.of("https://example.com/waves.mp3"))
			.build();
		provider().submit(request, ProviderFixtures.media());
		JsonNode body = createBody(request.prompt());
		byte[] inlinePng = Base64.getDecoder().decode(inline.substring(inline.indexOf(',') + 1));
		assertThat(body.get("image_url").asString()).contains("inputs/");
		assertThat(fetch(URI.create(body.get("image_url").asString()))).isEqualTo(inlinePng);
		byte[] bucketPng;
		try (InputStream in = ProviderFixtures.store()
			.open(inBucket.substring(("s3://" + ProviderFixtures.TEST_BUCKET + "/").length()))) {
			bucketPng = in.readAllBytes();
		}
		assertThat(fetch(URI.create(body.get("last_frame_image_url").asString()))).isEqualTo(bucketPng);
		assertThat(body.get("reference_videos").get(0).asString()).isEqualTo("https://example.com/motion.mp4");
		assertThat(body.get("reference_audios").get(0).asString()).isEqualTo("https://example.com/waves.mp3");
	}

	@Test
	void sendsReferenceImagesAsAListOfUrls() {
		VideoRequested request = aRequest("Two friends " + Events.newRequestId())
			.referenceImages(List.of("https://example.com/a.png", TestImages.pngDataUrl(64, 64)))
			.build();
		provider().submit(request, ProviderFixtures.media());
		JsonNode images = createBody(request.prompt()).get("reference_images");
		assertThat(images.size()).isEqualTo(2);
		assertThat(images.get(0).asString()).isEqualTo("https://example.com/a.png");
		assertThat(images.get(1).asString()).startsWith("http").contains("inputs/");
	}

	@Test
	void callsAQueuedJobPendingAndAStartedOneProcessing() throws Exception {
		try (ProviderSimulator slow = ProviderSimulator
			.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofHours(1)))) {
			TchaviProvider provider = providerOn(slow);
			SubmittedTask task = provider.submit(aRequest("A glacier").build(), ProviderFixtures.media());
			assertThat(provider.status(task.providerTaskId())).isEqualTo(new TaskStatus.Running("pending", null));
		}
		TchaviProvider provider = provider();
		SubmittedTask stuck = provider.submit(aRequest("A glacier [sim:stuck]").build(), ProviderFixtures.media());
		assertThat(await().atMost(Duration.ofSeconds(10))
			.until(() -> provider.status(stuck.providerTaskId()),
					(status) -> "processing".equals(status.providerStatus())))
			.isInstanceOf(TaskStatus.Running.class);
	}

	@Test
	void reportsAGenerationFailureWithItsReasonAndTheRefund() {
		TchaviProvider provider = provider();
		SubmittedTask task = provider.submit(aRequest("A cat [sim:fail]").resolution("720p").build(),
				ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
		assertThat(failed.providerStatus()).isEqualTo("failed");
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerError().code()).isEqualTo("generation_failed");
		assertThat(failed.message())
			.isEqualTo("tchavi could not generate the video: " + failed.providerError().message());
		assertThat(failed.usage()).isEqualTo(new Usage(2900.0, 2900.0, null, null, Usage.Source.REPORTED));
	}

	@Test
	void reportsAVideoWithheldOnContentGroundsAsAContentPolicyFailure() {
		TchaviProvider provider = provider();
		SubmittedTask task = provider.submit(aRequest("A cat [sim:policy]").build(), ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.providerError().code()).isEqualTo("content_policy_violation");
	}

	@Test
	void refusesAPromptRejectedAtSubmissionOnContentGrounds() {
		simulator.faults().add(FaultRule.on("tchavi", Operation.CREATE, Fault.CONTENT_POLICY));
		assertThat(submitFailure(aRequest("A forbidden scene").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.CONTENT_POLICY);
			assertThat(ex.providerError().httpStatus()).isEqualTo(400);
			assertThat(ex.providerError().code()).isEqualTo("content_policy_violation");
		});
	}

	@Test
	void failsFastWhenTheApiKeyIsWrong() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider("wrong").submit(aRequest("A koi pond").build(), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.AUTHENTICATION);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.providerError().httpStatus()).isEqualTo(401);
				assertThat(ex.providerError().code()).isEqualTo("unauthorized");
				assertThat(ex.providerError().message()).isEqualTo("Invalid API key");
			});
	}

	@Test
	void passesOnWhatTchaviSaysIsWrongWithARequest() {
		// past Reelay's own checks, as a newer tchavi rule would be
		assertThat(submitFailure(aRequest("A koi pond").duration(20).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
			assertThat(ex.providerError().code()).isEqualTo("invalid_request");
			assertThat(ex.getMessage()).contains("duration must be an integer from 1 to 15, or -1 for auto");
		});
	}

	@Test
	void saysWhenTheAccountHasNoCreditsLeft() {
		simulator.faults().add(FaultRule.on("tchavi", Operation.CREATE, Fault.NO_CREDITS));
		assertThat(submitFailure(aRequest("A koi pond").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
			assertThat(ex.providerError().httpStatus()).isEqualTo(402);
			assertThat(ex.providerError().code()).isEqualTo("insufficient_credits");
		});
	}

	@Test
	void passesOnARateLimitWithTheDelayTchaviAskedFor() {
		simulator.faults()
			.add(FaultRule.on("tchavi", Operation.CREATE, Fault.RATE_LIMIT).withRetryAfterSeconds(7).withTimes(1));
		assertThat(submitFailure(aRequest("A koi pond").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
			assertThat(ex.providerError().code()).isEqualTo("rate_limited");
		});
	}

	@Test
	void neverRetriesACreateWhoseAnswerNeverCame() {
		simulator.faults().add(FaultRule.on("tchavi", Operation.CREATE, Fault.RESET).withTimes(1));
		String prompt = "A koi pond " + Events.newRequestId();
		assertThat(submitFailure(aRequest(prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
			assertThat(ex.retryable()).isFalse();
		});
		simulator.faults()
			.add(FaultRule.on("tchavi", Operation.CREATE, Fault.SLOW).withDelay(Duration.ofSeconds(3)).withTimes(1));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().submit(aRequest(prompt).build(), ProviderFixtures.media()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
	}

	@Test
	void saysWhenTchaviNoLongerKnowsAJob() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider().status("job_nobody"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND);
				assertThat(ex.providerError().code()).isEqualTo("not_found");
			});
	}

	private static VideoCompleted completed(VideoRequested request, SubmittedTask task, TaskStatus.Succeeded done) {
		return new VideoCompleted(1, request.requestId(), TchaviProvider.NAME, request.model(), task.providerTaskId(),
				done.download(), done.usage(), null, null, null, null);
	}

	private static byte[] fetch(URI uri) throws Exception {
		return ProviderCalls.fetch(new DownloadRequest(uri, Map.of()));
	}

	private static VideoRequested.Builder aRequest(String prompt) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(TchaviProvider.NAME)
			.model("seedance-2")
			.prompt(prompt);
	}

	@Test
	void listsTheJobsTheAccountCreatedInAWindowAndNoneBeforeIt() {
		assertListsTheJobsCreatedInAWindowAndNoneBeforeIt();
	}

}
