package io.reelay.provider.aimlapi;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.Usage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.simulator.ReceivedRequest;
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

/**
 * The AI/ML API adapter against the simulated API, errors included; every request the
 * adapter sends is checked against the OpenAPI schema AI/ML API publishes.
 */
class AimlapiProviderIntegrationTests extends AdapterTestSupport<AimlapiProvider> {

	AimlapiProviderIntegrationTests() {
		super("aimlapi", AimlapiProvider::new);
	}

	@Override
	protected VideoRequested aPlainRequest(String prompt) {
		return request(prompt).build();
	}

	@Test
	void followsAGenerationToTheSameBytesTheProviderServesWithTheCreditsItReports() throws Exception {
		AimlapiProvider provider = provider();
		String prompt = unique("A koi pond at dawn");
		SubmittedTask task = provider.submit(request(prompt).enhancePrompt(false).build(), ProviderFixtures.media());
		assertThat(task.providerStatus()).isEqualTo("queued");
		JsonNode sent = createBody(prompt);
		assertThat(sent.propertyNames()).containsExactly("model", "prompt", "enhance_prompt");
		assertThat(sent.get("model").asString()).isEqualTo("video-01");
		assertThat(sent.get("enhance_prompt").asBoolean()).isFalse();
		TaskStatus.Succeeded done = awaitSucceeded(provider, task);
		assertThat(done.providerStatus()).isEqualTo("completed");
		assertThat(done.usage()).isEqualTo(new Usage(1_050_000.0, null, null, null, Usage.Source.REPORTED));
		assertThat(fetch(provider.download(completed(done.download()))))
			.isEqualTo(simulator.videoOf(task.providerTaskId()));
		assertThat(sentFor(prompt, task)).hasSizeGreaterThan(1).allSatisfy(this::conformsToTheSchema);
	}

	@Test
	void reportsQueuedAndGeneratingAsRunning() {
		AimlapiProvider provider = provider();
		SubmittedTask task = provider.submit(request(unique("A koi pond")).build(), ProviderFixtures.media());
		List<TaskStatus> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			seen.add(provider.status(task.providerTaskId()));
			return !(seen.get(seen.size() - 1) instanceof TaskStatus.Running);
		});
		assertThat(seen.get(seen.size() - 1)).isInstanceOf(TaskStatus.Succeeded.class);
		assertThat(seen.subList(0, seen.size() - 1))
			.allSatisfy((status) -> assertThat(status.providerStatus()).isIn("queued", "generating"));
	}

	@Test
	void sendsAWebFirstFrameAsItIs() {
		String prompt = unique("The cat wakes up");
		provider().submit(request(prompt).image("https://images.example.com/cat.png").build(),
				ProviderFixtures.media());
		assertThat(createBody(prompt).get("image_url").asString()).isEqualTo("https://images.example.com/cat.png");
		conformsToTheSchema(createCall(prompt));
	}

	@Test
	void sendsAnInlineFirstFrameAsTheSameDataUrl() {
		String prompt = unique("The cat wakes up");
		String picture = TestImages.pngDataUrl(400, 320);
		provider().submit(request(prompt).image(picture).build(), ProviderFixtures.media());
		assertThat(createBody(prompt).get("image_url").asString()).isEqualTo(picture);
		conformsToTheSchema(createCall(prompt));
	}

	@Test
	void sendsAFirstFrameFromTheBucketAsADataUrlOfTheSameBytes() {
		byte[] jpeg = TestImages.image("jpeg", 480, 360);
		String key = "uploads/" + UUID.randomUUID() + ".jpg";
		ProviderFixtures.store().put(key, new ByteArrayInputStream(jpeg), jpeg.length, "image/jpeg", Map.of());
		String prompt = unique("The cat wakes up");
		provider().submit(request(prompt).image("s3://" + ProviderFixtures.TEST_BUCKET + "/" + key).build(),
				ProviderFixtures.media());
		String sent = createBody(prompt).get("image_url").asString();
		assertThat(sent).startsWith("data:image/jpeg;base64,");
		assertThat(Base64.getDecoder().decode(sent.substring(sent.indexOf(',') + 1))).isEqualTo(jpeg);
		conformsToTheSchema(createCall(prompt));
	}

	@Test
	void refusesABucketImageOutsideTheImageRulesBeforeCreatingAnything() {
		String prompt = unique("The cat wakes up");
		VideoRequested request = request(prompt).image(TestImages.pngInBucket(1000, 200)).build();
		assertThat(submitFailure(request)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
			assertThat(ex.getMessage()).startsWith("image: 1000x200 is too narrow or too wide");
		});
		assertThat(simulator.tasks().createCalls("aimlapi", prompt)).isZero();
	}

	@Test
	void passesProviderOptionsOnAsTheyAre() {
		String prompt = unique("The cat wakes up");
		provider().submit(request(prompt).providerOptions(Map.of("seed_hint", 3)).build(), ProviderFixtures.media());
		assertThat(createBody(prompt).get("seed_hint").asInt()).isEqualTo(3);
	}

	@Test
	void reportsAGenerationFailureWithTheProvidersOwnError() {
		AimlapiProvider provider = provider();
		TaskStatus.Failed failed = awaitFailed(provider,
				provider.submit(request(unique("a cat [sim:fail]")).build(), ProviderFixtures.media()));
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerStatus()).isEqualTo("error");
		assertThat(failed.providerError().code()).isEqualTo("GenerationError");
		assertThat(failed.message())
			.isEqualTo("aimlapi could not generate the video: Video generation failed," + " please try again");
	}

	@Test
	void reportsABlockedGenerationAsAContentPolicyFailure() {
		AimlapiProvider provider = provider();
		TaskStatus.Failed failed = awaitFailed(provider,
				provider.submit(request(unique("a cat [sim:policy]")).build(), ProviderFixtures.media()));
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
		assertThat(failed.providerError().code()).isEqualTo("ContentPolicyViolationError");
	}

	@Test
	void refusesAWrongApiKey() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider("wrong").submit(request(unique("a cat")).build(), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.AUTHENTICATION);
				assertThat(ex.providerError().httpStatus()).isEqualTo(401);
				assertThat(ex.providerError().code()).isEqualTo("401");
				assertThat(ex.providerError().message()).isEqualTo("Invalid API key");
			});
	}

	@Test
	void passesOnTheProvidersBodyValidationError() {
		String prompt = unique("a cat");
		// past Reelay's own checks, as a model AI/ML API stopped taking would be
		VideoRequested request = request(prompt).model("video-02").build();
		assertThat(submitFailure(request)).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INVALID_REQUEST);
			assertThat(ex.providerError().message()).isEqualTo("Body validation error!");
		});
		assertThat(AimlapiSchema.problems(createCall(prompt)))
			.anySatisfy((problem) -> assertThat(problem).startsWith("validation.request.body.schema.enum"));
	}

	@Test
	void waitsAsLongAsARateLimitAsks() {
		String prompt = unique("a cat");
		simulator.faults().add(new FaultRule("aimlapi", Operation.CREATE, Fault.RATE_LIMIT, 0, prompt, 0, null, 4));
		assertThat(submitFailure(request(prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
			assertThat(ex.retryable()).isTrue();
			assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(4));
			assertThat(ex.providerError().code()).isEqualTo("429");
		});
	}

	@Test
	void neverRetriesACreateThatFailedWithAServerErrorOrTimedOut() {
		String failing = unique("a cat [sim:create-error]");
		assertThat(submitFailure(request(failing).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
			assertThat(ex.retryable()).isFalse();
		});
		assertThat(simulator.tasks().createCalls("aimlapi", failing)).isEqualTo(1);
		String timingOut = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.SERVER_ERROR)
				.withPromptContaining(timingOut)
				.withStatus(504));
		assertThat(submitFailure(request(timingOut).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
			assertThat(ex.providerError().message()).isEqualTo("Generation timeout");
		});
		String slow = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.SLOW)
				.withPromptContaining(slow)
				.withDelay(Duration.ofSeconds(2)));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().submit(request(slow).build(), ProviderFixtures.media()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
	}

	@Test
	void retriesACreateTheProviderSaidItCouldNotTakeOn() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.SERVER_ERROR)
				.withPromptContaining(prompt)
				.withStatus(503));
		assertThat(submitFailure(request(prompt).build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE));
	}

	@Test
	void retriesPollsThatFailOrTimeOut() {
		AimlapiProvider provider = provider();
		String prompt = unique("a cat");
		SubmittedTask task = provider.submit(request(prompt).build(), ProviderFixtures.media());
		for (int status : new int[] { 500, 503, 504 }) {
			simulator.faults()
				.add(FaultRule.on("aimlapi", Operation.STATUS, Fault.SERVER_ERROR)
					.withPromptContaining(prompt)
					.withStatus(status)
					.withTimes(1));
			assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider.status(task.providerTaskId()))
				.satisfies((ex) -> {
					assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
					assertThat(ex.providerError().code()).isEqualTo(Integer.toString(status));
				});
		}
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.STATUS, Fault.SLOW)
				.withPromptContaining(prompt)
				.withDelay(Duration.ofSeconds(2))
				.withTimes(1));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().status(task.providerTaskId()))
			.satisfies((ex) -> assertThat(ex.retryable()).isTrue());
		assertThat(awaitEnd(provider, task)).isInstanceOf(TaskStatus.Succeeded.class);
	}

	@Test
	void saysWhenTheAccountIsOutOfCredits() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.NO_CREDITS).withPromptContaining(prompt));
		assertThat(submitFailure(request(prompt).build())).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.INSUFFICIENT_CREDITS);
			assertThat(ex.providerError().httpStatus()).isEqualTo(403);
		});
	}

	@Test
	void saysWhenThePromptIsRefused() {
		String prompt = unique("a cat");
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.CONTENT_POLICY).withPromptContaining(prompt));
		assertThat(submitFailure(request(prompt).build()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.CONTENT_POLICY));
	}

	@Test
	void saysWhenTheProviderDoesNotKnowAGeneration() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider().status("no-such-generation"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND);
				assertThat(ex.providerError().message()).isEqualTo("Generation not found");
			});
	}

	@Test
	void answersPollsTheWayThePublishedSchemaDescribes() throws Exception {
		AimlapiProvider provider = provider();
		SubmittedTask task = provider.submit(request(unique("a cat")).build(), ProviderFixtures.media());
		awaitEnd(provider, task);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(
						simulator.baseUrl("aimlapi") + "/v2/video/generations?generation_id=" + task.providerTaskId()))
				.header("Authorization", "Bearer " + simulator.apiKey())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(AimlapiSchema.pollAnswerProblems(answer.statusCode(), answer.body())).isEmpty();
	}

	private void conformsToTheSchema(ReceivedRequest request) {
		assertThat(AimlapiSchema.problems(request)).as(request.method() + " " + request.path()).isEmpty();
	}

	/** The create call with this prompt and the polls of its task. */
	private static List<ReceivedRequest> sentFor(String prompt, SubmittedTask task) {
		return simulator.received("aimlapi")
			.stream()
			.filter((request) -> request.bodyText().contains(prompt)
					|| (request.query() != null && request.query().contains(task.providerTaskId())))
			.toList();
	}

	private static VideoCompleted completed(DownloadLocation location) {
		return new VideoCompleted(1, Events.newRequestId(), "aimlapi", "video-01", "g", location, null, null, null,
				null, null);
	}

	private static VideoRequested.Builder request(String prompt) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider("aimlapi")
			.model("video-01")
			.prompt(prompt)
			.requestedAt(Instant.now());
	}

}
