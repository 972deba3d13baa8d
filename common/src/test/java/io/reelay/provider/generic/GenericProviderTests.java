package io.reelay.provider.generic;

import java.net.URI;
import java.time.Duration;

import io.reelay.event.DownloadLocation;
import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.http.ProviderHttpClient;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The generic adapter against the simulator of the generic API, errors included. */
class GenericProviderTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void startSimulator() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void submitsAndFollowsAJobToItsVideo() {
		GenericProvider provider = provider(simulator.apiKey());
		SubmittedTask task = provider.submit(Events.aRequest(), ProviderFixtures.media());
		assertThat(task.providerTaskId()).startsWith("video_");
		assertThat(provider.status(task.providerTaskId())).isInstanceOf(TaskStatus.Running.class);
		TaskStatus.Succeeded done = (TaskStatus.Succeeded) await().atMost(Duration.ofSeconds(10))
			.until(() -> provider.status(task.providerTaskId()), (status) -> status instanceof TaskStatus.Succeeded);
		assertThat(done.download().url())
			.startsWith(simulator.baseUrl("generic") + "/files/" + task.providerTaskId() + ".mp4?");
		assertThat(done.providerStatus()).isEqualTo("completed");
	}

	@Test
	void reportsAGenerationFailureWithTheProvidersOwnReason() {
		GenericProvider provider = provider(simulator.apiKey());
		SubmittedTask task = provider.submit(Events.aRequest(Events.newRequestId(), "a cat [sim:fail]"),
				ProviderFixtures.media());
		TaskStatus.Failed failed = (TaskStatus.Failed) await().atMost(Duration.ofSeconds(10))
			.until(() -> provider.status(task.providerTaskId()), (status) -> status instanceof TaskStatus.Failed);
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerError().code()).isEqualTo("generation_failed");
		assertThat(failed.message()).contains("the model could not render this prompt");
	}

	@Test
	void reportsAContentPolicyRefusalAsSuch() {
		GenericProvider provider = provider(simulator.apiKey());
		SubmittedTask task = provider.submit(Events.aRequest(Events.newRequestId(), "a cat [sim:policy]"),
				ProviderFixtures.media());
		TaskStatus.Failed failed = (TaskStatus.Failed) await().atMost(Duration.ofSeconds(10))
			.until(() -> provider.status(task.providerTaskId()), (status) -> status instanceof TaskStatus.Failed);
		assertThat(failed.code()).isEqualTo(FailureCode.CONTENT_POLICY);
	}

	@Test
	void failsFastWhenTheApiKeyIsWrong() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider("wrong").submit(Events.aRequest(), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.AUTHENTICATION);
				assertThat(ex.retryable()).isFalse();
				assertThat(ex.providerError().httpStatus()).isEqualTo(401);
				assertThat(ex.providerError().code()).isEqualTo("invalid_api_key");
			});
	}

	@Test
	void saysWhenTheProviderNoLongerKnowsATask() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider(simulator.apiKey()).status("video_nobody"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND));
	}

	@Test
	void passesOnARateLimitWithTheDelayTheProviderAskedFor() {
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider(simulator.apiKey()).submit(
				Events.aRequest(Events.newRequestId(), "busy " + Events.newRequestId() + " [sim:busy]"),
				ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
	}

	@Test
	void marksACreateThatFailedMidwayAsOutcomeUnknownNeverRetryable() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider(simulator.apiKey())
				.submit(Events.aRequest(Events.newRequestId(), "a cat [sim:create-error]"), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
				assertThat(ex.retryable()).isFalse();
			});
	}

	@Test
	void callsAnUnreachableProviderUnavailableAndRetryable() {
		GenericProvider provider = new GenericProvider(new ProviderHttpClient("generic",
				URI.create("http://127.0.0.1:1"), endpoint("any"), EventJson.mapper()));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> provider.submit(Events.aRequest(), ProviderFixtures.media()))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
				assertThat(ex.retryable()).isTrue();
			});
	}

	@Test
	void sendsTheKeyWithDownloadsFromItsOwnOriginOnly() {
		GenericProvider provider = provider(simulator.apiKey());
		DownloadRequest own = provider.download(completedAt(simulator.baseUrl("generic") + "/files/v.mp4"));
		DownloadRequest cdn = provider.download(completedAt("https://cdn.example.com/v.mp4"));
		assertThat(own.headers()).containsEntry("Authorization", "Bearer " + simulator.apiKey());
		assertThat(cdn.headers()).isEmpty();
		assertThat(own.toString()).doesNotContain(simulator.apiKey());
	}

	@Test
	void refusesFieldsItsApiDoesNotDocumentInsteadOfDroppingThem() {
		VideoRequested base = Events.aRequest();
		VideoRequested withSeed = base.toBuilder()
			.model("m")
			.prompt("p")
			.duration(null)
			.resolution(null)
			.aspectRatio("16:9")
			.seed(42L)
			.providerOptions(java.util.Map.of("duration", 3))
			.metadata(null)
			.build();
		assertThat(provider(simulator.apiKey()).problems(withSeed)).containsExactly(
				"aspectRatio: not supported by generic (its API takes model, prompt, duration, resolution, fps;"
						+ " send gateway-specific fields in providerOptions)",
				"seed: not supported by generic (its API takes model, prompt, duration, resolution, fps;"
						+ " send gateway-specific fields in providerOptions)",
				"providerOptions.duration: set it as the request field 'duration' instead");
	}

	@Test
	void requiresAPromptOfAtMostTwoThousandCharacters() {
		GenericProvider provider = provider(simulator.apiKey());
		assertThat(provider.problems(Events.aRequest(Events.newRequestId(), " ")))
			.containsExactly("prompt: required by generic");
		assertThat(provider.problems(Events.aRequest(Events.newRequestId(), "x".repeat(2001))))
			.containsExactly("prompt: 2001 characters, at most 2000");
		assertThat(provider.problems(Events.aRequest())).isEmpty();
	}

	private static VideoCompleted completedAt(String url) {
		VideoCompleted template = Events.aCompletedJob(Events.newRequestId(), "video_x", url);
		return new VideoCompleted(1, template.requestId(), "generic", "m", "video_x", new DownloadLocation(url, null),
				null, null, null, null, null);
	}

	private static GenericProvider provider(String apiKey) {
		return new GenericProvider(
				new ProviderHttpClient("generic", simulator.baseUrl("generic"), endpoint(apiKey), EventJson.mapper()));
	}

	private static ProviderEndpoint endpoint(String apiKey) {
		return new ProviderEndpoint(null, apiKey, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(30));
	}

}
