package io.reelay.testing;

import io.reelay.provider.ListedJob;
import java.util.ArrayList;
import java.time.Instant;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoRequested;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.ProviderHttpClient;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.ReceivedRequest;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract tests of one provider adapter, against the simulator: each test class
 * starts a simulator with quick generations, and no fault outlives the test that set it.
 * Subclasses name the provider and how its adapter is built, and add the tests of its own
 * API; the tests here every adapter must pass alike.
 *
 * @param <P> the adapter under test
 */
public abstract class AdapterTestSupport<P extends VideoProvider> {

	/**
	 * The simulator of the test class that is running: static for {@link BeforeAll}, and
	 * test classes run one after another.
	 */
	protected static ProviderSimulator simulator;

	private final String providerName;

	private final Function<ProviderHttpClient, P> adapter;

	protected AdapterTestSupport(String providerName, Function<ProviderHttpClient, P> adapter) {
		this.providerName = providerName;
		this.adapter = adapter;
	}

	@BeforeAll
	static void startSimulator() throws IOException {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@AfterEach
	void clearFaults() {
		simulator.faults().clear();
	}

	/** A request the adapter sends as it is, with this prompt. */
	protected abstract VideoRequested aPlainRequest(String prompt);

	@Test
	void callsAnUnreachableApiUnavailableAndRetryable() {
		// nothing listens on port 1: the connection is refused before anything is sent
		P unreachable = this.adapter
			.apply(ProviderFixtures.client(this.providerName, URI.create("http://127.0.0.1:1"), "any"));
		assertThat(ProviderCalls.submitFailure(unreachable, aPlainRequest("a cat"))).satisfies((ex) -> {
			assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
			assertThat(ex.retryable()).isTrue();
		});
	}

	@Test
	void neverRetriesACreateThatFailedWithAServerError() {
		for (int status : new int[] { 500, 502, 504 }) {
			simulator.faults().clear();
			simulator.faults()
				.add(FaultRule.on(this.providerName, Operation.CREATE, Fault.SERVER_ERROR)
					.withStatus(status)
					.withTimes(1));
			String prompt = unique("A koi pond");
			assertThat(submitFailure(aPlainRequest(prompt))).satisfies((ex) -> {
				assertThat(ex.code()).as("HTTP %d", status).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN);
				assertThat(ex.retryable()).isFalse();
			});
			assertThat(simulator.tasks().createCalls(this.providerName, prompt)).isEqualTo(1);
		}
	}

	@Test
	void retriesStatusCallsThatFailWithServerErrorsOrTimeouts() {
		P provider = provider();
		SubmittedTask task = provider.submit(aPlainRequest("A koi pond"), ProviderFixtures.media());
		for (int status : new int[] { 500, 503 }) {
			simulator.faults()
				.add(FaultRule.on(this.providerName, Operation.STATUS, Fault.SERVER_ERROR)
					.withStatus(status)
					.withTimes(1));
			assertThatExceptionOfType(ProviderException.class).isThrownBy(() -> provider.status(task.providerTaskId()))
				.satisfies((ex) -> {
					assertThat(ex.code()).as("HTTP %d", status).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE);
					assertThat(ex.retryable()).isTrue();
				});
		}
		simulator.faults()
			.add(FaultRule.on(this.providerName, Operation.STATUS, Fault.SLOW)
				.withDelay(Duration.ofSeconds(3))
				.withTimes(1));
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> impatientProvider().status(task.providerTaskId()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.PROVIDER_UNAVAILABLE));
		assertThat(provider.status(task.providerTaskId())).isNotNull();
	}

	/** The adapter on this class's simulator, with the right API key. */
	protected P provider() {
		return provider(simulator.apiKey());
	}

	/** The adapter on this class's simulator, sending this API key. */
	protected P provider(String apiKey) {
		return this.adapter
			.apply(ProviderFixtures.client(this.providerName, simulator.baseUrl(this.providerName), apiKey));
	}

	/** The adapter on another simulator, with its key. */
	protected P providerOn(ProviderSimulator other) {
		return this.adapter
			.apply(ProviderFixtures.client(this.providerName, other.baseUrl(this.providerName), other.apiKey()));
	}

	/** The adapter giving up on an answer after a second, to see timeouts. */
	protected P impatientProvider() {
		return this.adapter.apply(ProviderFixtures.client(this.providerName, simulator.baseUrl(this.providerName),
				simulator.apiKey(), Duration.ofSeconds(1)));
	}

	/** The exception submitting this request with the right key must fail with. */
	protected ProviderException submitFailure(VideoRequested request) {
		return ProviderCalls.submitFailure(provider(), request);
	}

	/** The one create call the simulated API received with this prompt in its body. */
	protected ReceivedRequest createCall(String prompt) {
		List<ReceivedRequest> creates = simulator.received(this.providerName)
			.stream()
			.filter((received) -> received.method().equals("POST") && received.bodyText().contains(prompt))
			.toList();
		assertThat(creates).hasSize(1);
		return creates.get(0);
	}

	/** The JSON body of {@link #createCall(String)}. */
	protected JsonNode createBody(String prompt) {
		return createCall(prompt).bodyJson().orElseThrow();
	}

	/**
	 * The prompt made unique, for faults and received calls to match this test's only.
	 */
	/** For an adapter with a list API: what it lists around a few new jobs. */
	protected void assertListsTheJobsCreatedInAWindowAndNoneBeforeIt() {
		P provider = provider();
		Instant before = Instant.now().minusSeconds(2);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created
				.add(provider.submit(aPlainRequest(unique("Listed " + i)), ProviderFixtures.media()).providerTaskId());
		}
		Instant after = Instant.now().plusSeconds(2);

		assertThat(provider.jobsCreatedBetween(before, after))
			.hasValueSatisfying((jobs) -> assertThat(jobs).extracting(ListedJob::id).containsAll(created));
		assertThat(provider.jobsCreatedBetween(before.minus(Duration.ofHours(2)), before.minus(Duration.ofHours(1))))
			.hasValueSatisfying((jobs) -> assertThat(jobs).isEmpty());
	}

	protected static String unique(String prompt) {
		return prompt + " " + UUID.randomUUID();
	}

}
