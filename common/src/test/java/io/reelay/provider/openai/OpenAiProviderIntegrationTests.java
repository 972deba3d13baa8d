package io.reelay.provider.openai;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.event.Usage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.ReceivedRequest;
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

/** The openai adapter against the simulated OpenAI-compatible Videos API (APIYI). */
class OpenAiProviderIntegrationTests extends AdapterTestSupport<OpenAiProvider> {

	private static final String VEO_FAST = "veo-3.1-fast-generate-preview";

	OpenAiProviderIntegrationTests() {
		super("openai", OpenAiProvider::new);
	}

	@Override
	protected VideoRequested aPlainRequest(String prompt) {
		return aRequest(prompt).build();
	}

	@Test
	void followsATaskToTheContentItServesWithTheApiKey() throws Exception {
		OpenAiProvider provider = provider();
		VideoRequested request = aRequest("A coastal lighthouse at dusk").duration(8).build();
		SubmittedTask task = provider.submit(request, ProviderFixtures.media());
		assertThat(task.providerTaskId()).startsWith("task_");
		assertThat(task.providerStatus()).isEqualTo("queued");
		TaskStatus.Succeeded done = awaitSucceeded(provider, task);
		assertThat(done.providerStatus()).isEqualTo("completed");
		assertThat(done.download().url())
			.isEqualTo(simulator.baseUrl("openai") + "/v1/videos/" + task.providerTaskId() + "/content");
		assertThat(done.download().expiresAt()).isNotNull();
		assertThat(done.usage()).isEqualTo(new Usage(null, null, 0.3, 8.0, Usage.Source.PRICE_LIST));
		DownloadRequest download = provider.download(completed(request, task, done.download()));
		assertThat(download.headers()).containsEntry("Authorization", "Bearer " + simulator.apiKey());
		// the content answers 400 for a moment after completion; the downloader retries
		byte[] video = await().atMost(Duration.ofSeconds(10)).until(() -> fetch(download), (body) -> body != null);
		assertThat(video).isEqualTo(simulator.videoOf(task.providerTaskId()));
	}

	@Test
	void findsTheContentOfATaskFromItsIdAlone() {
		OpenAiProvider provider = provider();
		VideoRequested request = aRequest("A coastal lighthouse").build();
		DownloadRequest download = provider
			.download(completed(request, new SubmittedTask("task_1", "completed"), null));
		assertThat(download.uri()).isEqualTo(URI.create(simulator.baseUrl("openai") + "/v1/videos/task_1/content"));
		assertThat(download.headers()).containsKey("Authorization");
	}

	@Test
	void sendsVeoTheDocumentedJsonWithTheDurationAsAString() {
		VideoRequested request = aRequest("A lighthouse " + Events.newRequestId()).model("veo-3.1-generate-preview")
			.duration(6)
			.resolution("720p")
			.aspectRatio("9:16")
			.seed(20260521L)
			.negativePrompt("blurry, watermark")
			.build();
		SubmittedTask task = provider().submit(request, ProviderFixtures.media());
		JsonNode body = createBody(request.prompt());
		assertThat(body.get("duration").isString()).isTrue();
		assertThat(body.get("duration").asString()).isEqualTo("6");
		assertThat(body.get("size").asString()).isEqualTo("720x1280");
		JsonNode metadata = body.get("metadata");
		assertThat(metadata.get("resolution").asString()).isEqualTo("720p");
		assertThat(metadata.get("aspectRatio").asString()).isEqualTo("9:16");
		assertThat(metadata.get("seed").asLong()).isEqualTo(20260521L);
		assertThat(metadata.get("negativePrompt").asString()).isEqualTo("blurry, watermark");
		assertThat(awaitSucceeded(provider(), task).usage().costUsd()).isEqualTo(1.2);
	}

	@Test
	void sendsSoraOpenAisOwnFieldsAndReportsItsSecondsWithoutACost() {
		VideoRequested request = aRequest("A lighthouse " + Events.newRequestId()).model("sora-2")
			.duration(12)
			.aspectRatio("9:16")
			.build();
		SubmittedTask task = provider().submit(request, ProviderFixtures.media());
		JsonNode body = createBody(request.prompt());
		assertThat(body.get("seconds").asString()).isEqualTo("12");
		assertThat(body.get("size").asString()).isEqualTo("720x1280");
		assertThat(body.has("duration")).isFalse();
		assertThat(body.has("metadata")).isFalse();
		assertThat(awaitSucceeded(provider(), task).usage())
			.isEqualTo(new Usage(null, null, null, 12.0, Usage.Source.REPORTED));
	}

	@Test
	void uploadsAnInlineFirstFrameAsTheInputReferenceFile() {
		String dataUrl = TestImages.pngDataUrl(1280, 720);
		VideoRequested request = aRequest("Animate " + Events.newRequestId()).image(dataUrl).duration(4).build();
		SubmittedTask task = provider().submit(request, ProviderFixtures.media());
		ReceivedRequest create = createCall(request.prompt());
		assertThat(create.contentType()).startsWith("multipart/form-data; boundary=");
		byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
		assertThat(indexOf(create.body(), png)).isPositive();
		assertThat(create.bodyText()).contains("name=\"input_reference\"; filename=\"first-frame.png\"",
				"Content-Type: image/png", "name=\"seconds\"\r\n\r\n4\r\n");
		assertThat(awaitSucceeded(provider(), task)).isNotNull();
	}

	@Test
	void uploadsAFirstFrameFromTheBucket() throws Exception {
		String inBucket = TestImages.pngInBucket(720, 1280);
		VideoRequested request = aRequest("Animate " + Events.newRequestId()).image(inBucket)
			.aspectRatio("9:16")
			.build();
		provider().submit(request, ProviderFixtures.media());
		byte[] png;
		try (InputStream in = ProviderFixtures.store()
			.open(inBucket.substring(("s3://" + ProviderFixtures.TEST_BUCKET + "/").length()))) {
			png = in.readAllBytes();
		}
		ReceivedRequest create = createCall(request.prompt());
		assertThat(indexOf(create.body(), png)).isPositive();
		assertThat(create.bodyText()).contains("name=\"size\"\r\n\r\n720x1280\r\n");
	}

	@Test
	void neverFetchesAWebImageForTheRequester() {
		String prompt = "Animate " + Events.newRequestId();
		VideoRequested request = aRequest(prompt).image("https://example.com/first.png").build();
		assertThatExceptionOfType(ReelayException.class)
			.isThrownBy(() -> provider().submit(request, ProviderFixtures.media()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST));
		assertThat(simulator.tasks().createCalls("openai", prompt)).isZero();
	}

	@Test
	void callsAQueuedTaskRunningAtZeroAndAStartedOneAtFiftyWithTheApisPollHint() throws Exception {
		try (ProviderSimulator slow = ProviderSimulator
			.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofHours(1)))) {
			OpenAiProvider provider = providerOn(slow);
			SubmittedTask task = provider.submit(aRequest("A glacier").build(), ProviderFixtures.media());
			// with the simulator's openai-poll-after-ms hint: a fifth of the generation
			// time
			assertThat(provider.status(task.providerTaskId()))
				.isEqualTo(new TaskStatus.Running("queued", 0, Duration.ofMinutes(12)));
		}
		OpenAiProvider provider = provider();
		SubmittedTask stuck = provider.submit(aRequest("A glacier [sim:stuck]").build(), ProviderFixtures.media());
		assertThat(await().atMost(Duration.ofSeconds(10))
			.until(() -> provider.status(stuck.providerTaskId()),
					(status) -> "in_progress".equals(status.providerStatus())))
			.isEqualTo(new TaskStatus.Running("in_progress", 50, Duration.ofMillis(60)));
	}

	@Test
	void saysAFailedTaskGaveNoReasonAndCostNothing() {
		OpenAiProvider provider = provider();
		SubmittedTask task = provider.submit(aRequest("A cat [sim:fail]").build(), ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
		assertThat(failed.providerStatus()).isEqualTo("failed");
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.message()).contains("without saying why");
		assertThat(failed.providerError().code()).isNull();
		assertThat(failed.usage()).isEqualTo(new Usage(null, null, 0.0, null, Usage.Source.PRICE_LIST));
	}

	@Test
	void reportsAVideoWithheldByModerationAsAContentPolicyFailure() {
		OpenAiProvider provider = provider();
		SubmittedTask task = provider.submit(aRequest("A cat [sim:policy]").build(), ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.providerError().code()).isEqualTo("content_policy_violation");
		assertThat(failed.message())
			.isEqualTo("openai could not generate the video: " + failed.providerError().message());
	}

	@Test
	void refusesAPromptBlockedAtSubmission() {
		simulator.faults().add(FaultRule.on("openai", Operation.CREATE, Fault.CONTENT_POLICY));
		assertThat(submitFailure(aRequest("A forbidden scene").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.CONTENT_POLICY);
			assertThat(ex.providerError().code()).isEqualTo("moderation_blocked");
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
				assertThat(ex.providerError().code()).isEqualTo("invalid_api_key");
			});
	}

	@Test
	void passesOnWhatTheUpstreamModelRefuses() {
		// past Reelay's own checks, as a newer upstream rule would be
		assertThat(submitFailure(aRequest("A koi pond").resolution("1080p").duration(4).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
			assertThat(ex.providerError().code()).isEqualTo("INVALID_ARGUMENT");
			assertThat(ex.getMessage()).contains("1080p requires a duration of \"8\" seconds");
		});
	}

	@Test
	void callsAnEmptyAccountOutOfCreditsThoughTheAnswerIs429() {
		simulator.faults().add(FaultRule.on("openai", Operation.CREATE, Fault.NO_CREDITS));
		assertThat(submitFailure(aRequest("A koi pond").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
			assertThat(ex.retryable()).isFalse();
			assertThat(ex.providerError().httpStatus()).isEqualTo(429);
			assertThat(ex.providerError().code()).isEqualTo("insufficient_quota");
		});
	}

	@Test
	void passesOnARateLimitWithTheDelayTheApiAskedFor() {
		simulator.faults()
			.add(FaultRule.on("openai", Operation.CREATE, Fault.RATE_LIMIT).withRetryAfterSeconds(4).withTimes(1));
		assertThat(submitFailure(aRequest("A koi pond").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(4));
			assertThat(ex.providerError().code()).isEqualTo("rate_limit_exceeded");
		});
	}

	@Test
	void neverRetriesACreateWhoseAnswerNeverCame() {
		simulator.faults().add(FaultRule.on("openai", Operation.CREATE, Fault.RESET).withTimes(1));
		assertThat(submitFailure(aRequest("A koi pond").build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
			assertThat(ex.retryable()).isFalse();
		});
		simulator.faults()
			.add(FaultRule.on("openai", Operation.CREATE, Fault.SLOW).withDelay(Duration.ofSeconds(3)).withTimes(1));
		String prompt = "Animate " + Events.newRequestId();
		VideoRequested withImage = aRequest(prompt).image(TestImages.pngDataUrl(64, 36)).build();
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().submit(withImage, ProviderFixtures.media()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
		assertThat(simulator.tasks().createCalls("openai", prompt)).isEqualTo(1);
	}

	@Test
	void saysWhenTheApiNoLongerKnowsATask() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider().status("task_nobody"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND);
				assertThat(ex.providerError().code()).isEqualTo("video_not_found");
			});
	}

	private static int indexOf(byte[] body, byte[] wanted) {
		for (int at = 0; at <= body.length - wanted.length; at++) {
			if (java.util.Arrays.equals(body, at, at + wanted.length, wanted, 0, wanted.length)) {
				return at;
			}
		}
		return -1;
	}

	private static VideoCompleted completed(VideoRequested request, SubmittedTask task, DownloadLocation download) {
		return new VideoCompleted(1, request.requestId(), OpenAiProvider.NAME, request.model(), task.providerTaskId(),
				download, null, null, null, null, null);
	}

	/** The video, or null while the API still answers 400 right after completion. */
	private static byte[] fetch(DownloadRequest download) throws Exception {
		HttpResponse<byte[]> response = ProviderCalls.send(download);
		if (response.statusCode() == 400) {
			return null;
		}
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static VideoRequested.Builder aRequest(String prompt) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(OpenAiProvider.NAME)
			.model(VEO_FAST)
			.prompt(prompt);
	}

	@Test
	void listsTheJobsTheAccountCreatedInAWindowAndNoneBeforeIt() {
		assertListsTheJobsCreatedInAWindowAndNoneBeforeIt();
	}

}
