package io.reelay.provider.minimax;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
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
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.reelay.testing.ProviderCalls.awaitEnd;
import static io.reelay.testing.ProviderCalls.awaitFailed;
import static io.reelay.testing.ProviderCalls.awaitSucceeded;
import static io.reelay.testing.ProviderCalls.fetch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The MiniMax adapter against the simulated MiniMax API, errors included. */
class MinimaxProviderIntegrationTests extends AdapterTestSupport<MinimaxProvider> {

	MinimaxProviderIntegrationTests() {
		super("minimax", MinimaxProvider::new);
	}

	@Override
	protected VideoRequested aPlainRequest(String prompt) {
		return request("T2V-01", prompt).build();
	}

	@Test
	void followsATextToVideoJobThroughItsFileToTheSameBytesTheProviderServes() throws Exception {
		MinimaxProvider provider = provider();
		String prompt = unique("A koi pond at dawn");
		SubmittedTask task = provider.submit(request("T2V-01", prompt).duration(6)
			.resolution("720p")
			.enhancePrompt(false)
			.providerOptions(Map.of("callback_url", "https://example.com/hook"))
			.build(), ProviderFixtures.media());
		JsonNode sent = createBody(prompt);
		assertThat(sent.get("model").asString()).isEqualTo("T2V-01");
		assertThat(sent.get("prompt").asString()).isEqualTo(prompt);
		assertThat(sent.get("prompt_optimizer").asBoolean()).isFalse();
		assertThat(sent.get("duration").asInt()).isEqualTo(6);
		assertThat(sent.get("resolution").asString()).isEqualTo("720P");
		assertThat(sent.get("callback_url").asString()).isEqualTo("https://example.com/hook");
		assertThat(sent.has("first_frame_image")).isFalse();
		TaskStatus.Succeeded done = awaitSucceeded(provider, task);
		assertThat(done.providerStatus()).isEqualTo("Success");
		assertThat(done.usage()).isNull();
		DownloadRequest download = provider.download(completed(done.download()));
		assertThat(fetch(download)).isEqualTo(simulator.videoOf(task.providerTaskId()));
		assertThat(simulator.received("minimax")).extracting(ReceivedRequest::path)
			.contains("/minimax/v1/query/video_generation", "/minimax/v1/files/retrieve");
	}

	@Test
	void reportsEveryStatusBeforeSuccessAsRunning() {
		MinimaxProvider provider = provider();
		SubmittedTask task = provider.submit(request("T2V-01", unique("A koi pond")).build(), ProviderFixtures.media());
		assertThat(task.providerStatus()).isNull();
		List<TaskStatus> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			seen.add(provider.status(task.providerTaskId()));
			return seen.get(seen.size() - 1) instanceof TaskStatus.Succeeded;
		});
		assertThat(seen.subList(0, seen.size() - 1)).allSatisfy((status) -> {
			assertThat(status).isInstanceOf(TaskStatus.Running.class);
			assertThat(status.providerStatus()).isIn("Preparing", "Queueing", "Processing");
		});
	}

	@Test
	void datesTheDownloadUrlNineHoursAheadAsMiniMaxDocuments() {
		MinimaxProvider provider = provider();
		Instant before = Instant.now();
		TaskStatus.Succeeded done = awaitSucceeded(provider,
				provider.submit(request("T2V-01", unique("A lighthouse")).build(), ProviderFixtures.media()));
		assertThat(done.download().expiresAt()).isBetween(before.plus(Duration.ofHours(9)).minusSeconds(1),
				Instant.now().plus(Duration.ofHours(9)).plusSeconds(1));
	}

	@Test
	void takesTheExpiryASignedUrlStatesOverTheDocumentedNineHours() throws Exception {
		try (ProviderSimulator shortLived = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(200))
			.withUrlTtl(Duration.ofHours(2)))) {
			MinimaxProvider provider = providerOn(shortLived);
			Instant before = Instant.now();
			TaskStatus.Succeeded done = awaitSucceeded(provider,
					provider.submit(request("T2V-01", unique("A lighthouse")).build(), ProviderFixtures.media()));
			assertThat(done.download().expiresAt()).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1),
					Instant.now().plus(Duration.ofHours(2)).plusSeconds(1));
		}
	}

	@Test
	void sendsAWebFirstFrameAsItIs() {
		String prompt = unique("The cat wakes up");
		SubmittedTask task = provider().submit(
				request("I2V-01", prompt).image("https://images.example.com/cat.png").build(),
				ProviderFixtures.media());
		assertThat(createBody(prompt).get("first_frame_image").asString())
			.isEqualTo("https://images.example.com/cat.png");
		assertThat(awaitEnd(provider(), task)).isInstanceOf(TaskStatus.Succeeded.class);
	}

	@Test
	void sendsAnInlineFirstFrameAsTheSameDataUrl() {
		String prompt = unique("The cat wakes up");
		String picture = TestImages.pngDataUrl(400, 320);
		provider().submit(request("I2V-01-live", prompt).image(picture).build(), ProviderFixtures.media());
		assertThat(createBody(prompt).get("first_frame_image").asString()).isEqualTo(picture);
	}

	@Test
	void sendsAFirstFrameFromTheBucketInlineAsADataUrl() {
		byte[] png = TestImages.image("png", 480, 360);
		String reference = inBucket(png);
		String prompt = unique("The cat wakes up");
		provider().submit(request("I2V-01-Director", prompt + " [Push in]").image(reference).build(),
				ProviderFixtures.media());
		String sent = createBody(prompt).get("first_frame_image").asString();
		assertThat(sent).startsWith("data:image/png;base64,");
		assertThat(Base64.getDecoder().decode(sent.substring(sent.indexOf(',') + 1))).isEqualTo(png);
	}

	@Test
	void refusesABucketImageOutsideMiniMaxsRulesBeforeCreatingAnything() {
		String prompt = unique("The cat wakes up");
		VideoRequested request = request("I2V-01", prompt).image(inBucket(TestImages.image("png", 200, 200))).build();
		assertThat(provider().problems(request)).isEmpty();
		assertThat(submitFailure(request)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
			assertThat(ex.getMessage())
				.isEqualTo("image: 200x200 is too small, its short side must be more" + " than 300 pixels");
		});
		assertThat(simulator.tasks().createCalls("minimax", prompt)).isZero();
	}

	@Test
	void sendsFirstAndLastFramesToHailuo02() {
		String prompt = unique("The cat jumps");
		String last = TestImages.pngDataUrl(400, 320);
		provider().submit(request("MiniMax-Hailuo-02", prompt).image("https://images.example.com/a.png")
			.lastFrameImage(last)
			.resolution("768P")
			.duration(10)
			.build(), ProviderFixtures.media());
		JsonNode sent = createBody(prompt);
		assertThat(sent.get("first_frame_image").asString()).isEqualTo("https://images.example.com/a.png");
		assertThat(sent.get("last_frame_image").asString()).isEqualTo(last);
		assertThat(sent.get("duration").asInt()).isEqualTo(10);
	}

	@Test
	void sendsTheCharacterOfS2v01AsASubjectReference() {
		String prompt = unique("The girl waves");
		SubmittedTask task = provider().submit(
				request("S2V-01", prompt).referenceImages(List.of("https://images.example.com/girl.png")).build(),
				ProviderFixtures.media());
		JsonNode subject = createBody(prompt).get("subject_reference");
		assertThat(subject.size()).isEqualTo(1);
		assertThat(subject.get(0).get("type").asString()).isEqualTo("character");
		assertThat(subject.get(0).get("image").get(0).asString()).isEqualTo("https://images.example.com/girl.png");
		assertThat(awaitEnd(provider(), task)).isInstanceOf(TaskStatus.Succeeded.class);
	}

	@Test
	void reportsAGenerationFailure() {
		MinimaxProvider provider = provider();
		TaskStatus.Failed failed = awaitFailed(provider,
				provider.submit(request("T2V-01", unique("a cat [sim:fail]")).build(), ProviderFixtures.media()));
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerStatus()).isEqualTo("Fail");
		assertThat(failed.code().retryable()).isFalse();
	}

	@Test
	void reportsARefusedOutputAsAContentPolicyFailureWithMiniMaxsCode() {
		MinimaxProvider provider = provider();
		TaskStatus.Failed failed = awaitFailed(provider,
				provider.submit(request("T2V-01", unique("a cat [sim:policy]")).build(), ProviderFixtures.media()));
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.providerError().code()).isEqualTo("1027");
		assertThat(failed.providerError().message()).isEqualTo("output new_sensitive");
	}

	@Test
	void refusesAWrongApiKeyThatMiniMaxReportsInsideAnHttp200() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(
				() -> provider("wrong").submit(request("T2V-01", unique("a cat")).build(), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.AUTHENTICATION);
				assertThat(ex.providerError().httpStatus()).isEqualTo(200);
				assertThat(ex.providerError().code()).isEqualTo("2049");
				assertThat(ex.providerError().message()).isEqualTo("invalid api key");
			});
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider("wrong").status("1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.AUTHENTICATION));
	}

	@Test
	void passesOnMiniMaxsInvalidParameterRefusal() {
		assertThat(
				submitFailure(request("T2V-01", unique("a cat")).providerOptions(Map.of("callback_url", 42)).build()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
				assertThat(ex.providerError().code()).isEqualTo("2013");
				assertThat(ex.providerError().message()).contains("callback_url");
			});
	}

	@Test
	void retriesARateLimitMiniMaxReportsInsideAnHttp200() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.CREATE, Fault.RATE_LIMIT).withPromptContaining(prompt));
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.providerError().code()).isEqualTo("1002");
		});
	}

	@Test
	void waitsAsLongAsAnHttp429AsksBeforeRetrying() {
		String prompt = unique("a cat");
		simulator.faults().add(new FaultRule("minimax", Operation.CREATE, Fault.RATE_LIMIT, 0, prompt, 429, null, 7));
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(7));
			assertThat(ex.providerError().httpStatus()).isEqualTo(429);
			assertThat(ex.providerError().code()).isEqualTo("1002");
		});
	}

	@Test
	void neverRetriesACreateThatFailedWithAServerError() {
		String prompt = unique("a cat [sim:create-error]");
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
			assertThat(ex.retryable()).isFalse();
			assertThat(ex.providerError().httpStatus()).isEqualTo(500);
			assertThat(ex.providerError().code()).isEqualTo("1024");
		});
		assertThat(simulator.tasks().createCalls("minimax", prompt)).isEqualTo(1);
	}

	@Test
	void retriesAnInternalErrorMiniMaxAnswersInsteadOfATask() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.CREATE, Fault.SERVER_ERROR)
				.withPromptContaining(prompt)
				.withStatus(200));
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.providerError().code()).isEqualTo("1024");
		});
	}

	@Test
	void neverRetriesACreateWhoseAnswerNeverCame() {
		String prompt = unique("a cat");
		simulator.faults().add(FaultRule.on("minimax", Operation.CREATE, Fault.RESET).withPromptContaining(prompt));
		assertThat(submitFailure(request("T2V-01", prompt).build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
		simulator.faults().clear();
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.CREATE, Fault.SLOW)
				.withPromptContaining(prompt)
				.withDelay(Duration.ofSeconds(2)));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().submit(request("T2V-01", prompt).build(), ProviderFixtures.media()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
	}

	@Test
	void retriesStatusCallsThatFailOrTimeOut() {
		MinimaxProvider provider = provider();
		String prompt = unique("a cat");
		SubmittedTask task = provider.submit(request("T2V-01", prompt).build(), ProviderFixtures.media());
		for (int status : new int[] { 500, 502, 503 }) {
			simulator.faults()
				.add(FaultRule.on("minimax", Operation.STATUS, Fault.SERVER_ERROR)
					.withPromptContaining(prompt)
					.withStatus(status)
					.withTimes(1));
			assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider.status(task.providerTaskId()))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
					assertThat(ex.providerError().httpStatus()).isEqualTo(status);
				});
		}
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.STATUS, Fault.SLOW)
				.withPromptContaining(prompt)
				.withDelay(Duration.ofSeconds(2))
				.withTimes(1));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().status(task.providerTaskId()))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
		assertThat(awaitEnd(provider, task)).isInstanceOf(TaskStatus.Succeeded.class);
	}

	@Test
	void retriesAFailedFileRetrieve() {
		MinimaxProvider provider = provider();
		String prompt = unique("a cat");
		SubmittedTask task = provider.submit(request("T2V-01", prompt).build(), ProviderFixtures.media());
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.RETRIEVE, Fault.SERVER_ERROR).withPromptContaining(prompt));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThatExceptionOfType(ProviderException.class)
				.isThrownBy(() -> provider.status(task.providerTaskId()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE)));
		simulator.faults().clear();
		assertThat(provider.status(task.providerTaskId())).isInstanceOf(TaskStatus.Succeeded.class);
	}

	@Test
	void saysWhenTheAccountHasNoBalanceLeft() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.CREATE, Fault.NO_CREDITS).withPromptContaining(prompt));
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
			assertThat(ex.providerError().code()).isEqualTo("1008");
		});
	}

	@Test
	void saysWhenMiniMaxRefusesThePrompt() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("minimax", Operation.CREATE, Fault.CONTENT_POLICY).withPromptContaining(prompt));
		assertThat(submitFailure(request("T2V-01", prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.CONTENT_POLICY);
			assertThat(ex.providerError().code()).isEqualTo("1026");
		});
	}

	@Test
	void saysWhenMiniMaxDoesNotKnowATask() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider().status("404404404"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND);
				assertThat(ex.providerError().code()).isEqualTo("2013");
			});
	}

	@Test
	void sendsNoApiKeyToAFileHostOtherThanTheApi() {
		DownloadRequest cdn = provider()
			.download(completed(new DownloadLocation("https://video-product.cdn.minimax.io/v.mp4", null)));
		assertThat(cdn.headers()).isEmpty();
	}

	private static String inBucket(byte[] png) {
		String key = "uploads/" + UUID.randomUUID() + ".png";
		ProviderFixtures.store().put(key, new ByteArrayInputStream(png), png.length, "image/png", Map.of());
		return "s3://" + ProviderFixtures.TEST_BUCKET + "/" + key;
	}

	private static VideoCompleted completed(DownloadLocation location) {
		return new VideoCompleted(1, Events.newRequestId(), "minimax", "T2V-01", "1", location, null, null, null, null,
				null);
	}

	private static VideoRequested.Builder request(String model, String prompt) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider("minimax")
			.model(model)
			.prompt(prompt)
			.requestedAt(Instant.now());
	}

}
