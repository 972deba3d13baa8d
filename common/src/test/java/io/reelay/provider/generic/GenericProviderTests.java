package io.reelay.provider.generic;

import java.time.Duration;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.testing.AdapterTestSupport;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import org.junit.jupiter.api.Test;

import static io.reelay.testing.ProviderCalls.awaitFailed;
import static io.reelay.testing.ProviderCalls.awaitSucceeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The generic adapter against the simulator of the generic API, errors included. */
class GenericProviderTests extends AdapterTestSupport<GenericProvider> {

	GenericProviderTests() {
		super("generic", GenericProvider::new);
	}

	@Override
	protected VideoRequested aPlainRequest(String prompt) {
		return Events.aRequest(Events.newRequestId(), prompt);
	}

	@Test
	void submitsAndFollowsAJobToItsVideo() {
		GenericProvider provider = provider();
		SubmittedTask task = provider.submit(Events.aRequest(), ProviderFixtures.media());
		assertThat(task.providerTaskId()).startsWith("video_");
		assertThat(provider.status(task.providerTaskId())).isInstanceOf(TaskStatus.Running.class);
		TaskStatus.Succeeded done = awaitSucceeded(provider, task);
		assertThat(done.download().url())
			.startsWith(simulator.baseUrl("generic") + "/files/" + task.providerTaskId() + ".mp4?");
		assertThat(done.providerStatus()).isEqualTo("completed");
	}

	@Test
	void reportsAGenerationFailureWithTheProvidersOwnReason() {
		GenericProvider provider = provider();
		SubmittedTask task = provider.submit(Events.aRequest(Events.newRequestId(), "a cat [sim:fail]"),
				ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
		assertThat(failed.code()).isEqualTo(FailureCode.GENERATION_FAILED);
		assertThat(failed.providerError().code()).isEqualTo("generation_failed");
		assertThat(failed.message()).contains("the model could not render this prompt");
	}

	@Test
	void reportsAContentPolicyRefusalAsSuch() {
		GenericProvider provider = provider();
		SubmittedTask task = provider.submit(Events.aRequest(Events.newRequestId(), "a cat [sim:policy]"),
				ProviderFixtures.media());
		TaskStatus.Failed failed = awaitFailed(provider, task);
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
		assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider().status("video_nobody"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND));
	}

	@Test
	void passesOnARateLimitWithTheDelayTheProviderAskedFor() {
		assertThat(
				submitFailure(Events.aRequest(Events.newRequestId(), "busy " + Events.newRequestId() + " [sim:busy]")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.RATE_LIMITED);
				assertThat(ex.retryable()).isTrue();
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(1));
			});
	}

	@Test
	void marksACreateThatFailedMidwayAsOutcomeUnknownNeverRetryable() {
		assertThat(submitFailure(Events.aRequest(Events.newRequestId(), "a cat [sim:create-error]")))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
				assertThat(ex.retryable()).isFalse();
			});
	}

	@Test
	void sendsTheKeyWithDownloadsFromItsOwnOriginOnly() {
		GenericProvider provider = provider();
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
		assertThat(provider().problems(withSeed)).containsExactly(
				"aspectRatio: not supported by generic (its API takes model, prompt, duration, resolution, fps;"
						+ " send gateway-specific fields in providerOptions)",
				"seed: not supported by generic (its API takes model, prompt, duration, resolution, fps;"
						+ " send gateway-specific fields in providerOptions)",
				"providerOptions.duration: set it as the request field 'duration' instead");
	}

	@Test
	void requiresAPromptOfAtMostTwoThousandCharacters() {
		GenericProvider provider = provider();
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

}
