package io.reelay.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.simulator.fault.ProviderCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Per-provider rate limits: a client beyond its rate meets the provider's own 429. */
class RateLimitsTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMinutes(5)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@AfterEach
	void liftLimits() {
		simulator.rateLimits().clear();
		simulator.faults().clear();
	}

	@ParameterizedTest(name = "{0}: HTTP {1}, code {2}")
	@CsvSource({ "generic, 429, rate_limit_exceeded", "minimax, 200, 1002", "aimlapi, 429, 429",
			"tchavi, 429, rate_limited", "openai, 429, rate_limit_exceeded" })
	void refusesStatusCallsBeyondTheBurstInTheProvidersOwnShape(String provider, int status, String code) {
		ProviderCase api = ProviderCase.of(provider);
		SimulatedTask task = simulator.tasks().seed(provider, "m", "limited", null);
		simulator.rateLimits().limit(provider, 0.01, 2);

		HttpResponse<byte[]> first = api.status(simulator, task.id());
		HttpResponse<byte[]> second = api.status(simulator, task.id());
		HttpResponse<byte[]> third = api.status(simulator, task.id());

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(third.statusCode()).isEqualTo(status);
		assertThat(api.errorCode(third)).isEqualTo(code);
		// one call every 100 s: the wait for the next is at most that
		assertThat(third.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 100));
		assertThat(simulator.rateLimits().admitted(provider)).isEqualTo(2);
		assertThat(simulator.rateLimits().rejected(provider)).isEqualTo(1);
	}

	@Test
	void limitsCreationsTooAndCountsTheRefusedOnes() {
		simulator.rateLimits().limit("tchavi", 0.01, 1);

		HttpResponse<byte[]> accepted = ProviderCase.TCHAVI.create(simulator, "one a minute");
		HttpResponse<byte[]> refused = ProviderCase.TCHAVI.create(simulator, "one a minute");

		assertThat(accepted.statusCode()).isEqualTo(202);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(simulator.tasks().createCalls("tchavi", "one a minute")).isEqualTo(2);
		assertThat(simulator.tasks().all()).filteredOn((task) -> task.prompt().equals("one a minute")).hasSize(1);
	}

	@Test
	void liftsTheLimitAndItsCountsOnClear() {
		SimulatedTask task = simulator.tasks().seed("generic", "m", "cleared", null);
		simulator.rateLimits().limit("generic", 0.01, 1);
		simulator.rateLimits().limit("aimlapi", 0.01, 1);
		ProviderCase.GENERIC.status(simulator, task.id());
		assertThat(ProviderCase.GENERIC.status(simulator, task.id()).statusCode()).isEqualTo(429);

		simulator.rateLimits().clear();

		assertThat(ProviderCase.GENERIC.status(simulator, task.id()).statusCode()).isEqualTo(200);
		assertThat(simulator.rateLimits().admitted("generic")).isZero();
		assertThat(simulator.rateLimits().rejected("generic")).isZero();
	}

	@Test
	void liftsOneProvidersLimitAndKeepsTheOthers() {
		SimulatedTask generic = simulator.tasks().seed("generic", "m", "one lifted", null);
		SimulatedTask openai = simulator.tasks().seed("openai", "sora-2", "one kept", null);
		simulator.rateLimits().limit("generic", 0.01, 1);
		simulator.rateLimits().limit("openai", 0.01, 1);
		ProviderCase.GENERIC.status(simulator, generic.id());
		ProviderCase.OPENAI.status(simulator, openai.id());

		simulator.rateLimits().clear("generic");

		assertThat(ProviderCase.GENERIC.status(simulator, generic.id()).statusCode()).isEqualTo(200);
		assertThat(ProviderCase.OPENAI.status(simulator, openai.id()).statusCode()).isEqualTo(429);
		assertThat(simulator.rateLimits().rejected("openai")).isEqualTo(1);
	}

	@Test
	void neverLimitsVideoDownloads() {
		SimulatedTask task = simulator.tasks().seed("minimax", "T2V-01", "downloaded", Duration.ZERO);
		simulator.rateLimits().limit("minimax", 0.01, 1);
		SimulatorHttp http = new SimulatorHttp(simulator, "minimax");

		for (int download = 0; download < 3; download++) {
			assertThat(http.fetch(simulator.videoUrlOf(task.id())).statusCode()).isEqualTo(200);
		}
		assertThat(simulator.rateLimits().admitted("minimax")).isZero();
		assertThat(simulator.rateLimits().rejected("minimax")).isZero();
	}

	@Test
	void refusesACallBeforeAnyFaultRuleCanUseIt() {
		SimulatedTask task = simulator.tasks().seed("aimlapi", "video-01", "gateway first", null);
		simulator.rateLimits().limit("aimlapi", 0.01, 1);
		ProviderCase.AIMLAPI.status(simulator, task.id());
		simulator.faults().add(FaultRule.on("aimlapi", Operation.STATUS, Fault.SERVER_ERROR).withTimes(1));

		HttpResponse<byte[]> limited = ProviderCase.AIMLAPI.status(simulator, task.id());
		simulator.rateLimits().clear("aimlapi");
		HttpResponse<byte[]> faulted = ProviderCase.AIMLAPI.status(simulator, task.id());

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(faulted.statusCode()).isEqualTo(500);
	}

	@Test
	void refusesALimitOfAnUnknownProviderOrWithoutARate() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.rateLimits().limit("sora-9", 1, 1))
			.withMessageContaining("sora-9");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.rateLimits().limit("generic", 0, 1));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.rateLimits().limit("generic", 1, 0));
	}

	@Test
	void asksForTheWholeSecondsUntilTheBucketHasATokenAgain() {
		AtomicLong nanos = new AtomicLong();
		RateLimits limits = new RateLimits(Set.of("generic"), nanos::get);
		limits.limit("generic", 0.4, 2);

		assertThat(limits.admit("generic")).isZero();
		assertThat(limits.admit("generic")).isZero();
		assertThat(limits.admit("generic")).isEqualTo(3);
		nanos.addAndGet(Duration.ofMillis(2000).toNanos());
		assertThat(limits.admit("generic")).isEqualTo(1);
		nanos.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(limits.admit("generic")).isZero();
		assertThat(limits.admit("generic")).isEqualTo(3);
		assertThat(limits.admitted("generic")).isEqualTo(3);
		assertThat(limits.rejected("generic")).isEqualTo(3);
	}

	@Test
	void fillsTheBucketNoFurtherThanTheBurst() {
		AtomicLong nanos = new AtomicLong();
		RateLimits limits = new RateLimits(Set.of("openai"), nanos::get);
		limits.limit("openai", 10, 3);
		nanos.addAndGet(Duration.ofHours(1).toNanos());

		for (int call = 0; call < 3; call++) {
			assertThat(limits.admit("openai")).isZero();
		}
		assertThat(limits.admit("openai")).isEqualTo(1);
		assertThat(limits.admit("sora-9")).isZero();
	}

}
