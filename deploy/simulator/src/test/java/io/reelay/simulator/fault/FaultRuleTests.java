package io.reelay.simulator.fault;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorHttp;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** Fault rules switched on from Java, as the clients of each provider meet them. */
class FaultRuleTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests()
			.withGenerationTime(Duration.ofMillis(300))
			.withContentDelay(Duration.ZERO));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@AfterEach
	void clearFaults() {
		simulator.faults().clear();
	}

	@ParameterizedTest(name = "{0} on {1}: HTTP {2}, code {3}")
	@CsvSource({ "RATE_LIMIT, generic, 429, rate_limit_exceeded", "RATE_LIMIT, minimax, 200, 1002",
			"RATE_LIMIT, aimlapi, 429, 429", "RATE_LIMIT, tchavi, 429, rate_limited",
			"RATE_LIMIT, openai, 429, rate_limit_exceeded", "NO_CREDITS, generic, 402, insufficient_quota",
			"NO_CREDITS, minimax, 200, 1008", "NO_CREDITS, aimlapi, 403, 403",
			"NO_CREDITS, tchavi, 402, insufficient_credits", "NO_CREDITS, openai, 429, insufficient_quota",
			"CONTENT_POLICY, generic, 400, content_policy_violation", "CONTENT_POLICY, minimax, 200, 1026",
			"CONTENT_POLICY, aimlapi, 400, 400", "CONTENT_POLICY, tchavi, 400, content_policy_violation",
			"CONTENT_POLICY, openai, 400, moderation_blocked", "UNAUTHORIZED, generic, 401, invalid_api_key",
			"UNAUTHORIZED, minimax, 200, 2049", "UNAUTHORIZED, aimlapi, 401, 401",
			"UNAUTHORIZED, tchavi, 401, unauthorized", "UNAUTHORIZED, openai, 401, invalid_api_key",
			"SERVER_ERROR, generic, 500, internal_error", "SERVER_ERROR, minimax, 500, 1024",
			"SERVER_ERROR, aimlapi, 500, 500", "SERVER_ERROR, tchavi, 500, internal_error",
			"SERVER_ERROR, openai, 500, internal_error" })
	void answersACreationFaultInEachProvidersOwnShape(Fault fault, String provider, int status, String code) {
		ProviderCase api = ProviderCase.of(provider);
		String prompt = "faulty " + fault + " " + provider;
		simulator.faults().add(FaultRule.on(provider, Operation.CREATE, fault).withTimes(1));

		HttpResponse<byte[]> refused = api.create(simulator, prompt);
		HttpResponse<byte[]> accepted = api.create(simulator, prompt);

		assertThat(refused.statusCode()).isEqualTo(status);
		assertThat(api.errorCode(refused)).isEqualTo(code);
		assertThat(accepted.statusCode()).isBetween(200, 202);
		assertThat(simulator.tasks().createCalls(provider, prompt)).isEqualTo(2);
		assertThat(simulator.faults().rules()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "generic, 429", "minimax, 200", "aimlapi, 429", "tchavi, 429", "openai, 429" })
	void saysWhenToRetryARateLimitedCall(String provider, int status) {
		simulator.faults().add(FaultRule.on(provider, Operation.CREATE, Fault.RATE_LIMIT).withRetryAfterSeconds(7));

		HttpResponse<byte[]> answer = ProviderCase.of(provider).create(simulator, "busy");

		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
	}

	@Test
	void rateLimitsMinimaxWithAPlainHttp429WhenAsked() {
		simulator.faults().add(FaultRule.on("minimax", Operation.CREATE, Fault.RATE_LIMIT).withStatus(429));

		HttpResponse<byte[]> answer = ProviderCase.MINIMAX.create(simulator, "plain");

		assertThat(answer.statusCode()).isEqualTo(429);
		assertThat(ProviderCase.MINIMAX.errorCode(answer)).isEqualTo("1002");
	}

	@ParameterizedTest
	@CsvSource({ "generic, service_unavailable", "aimlapi, 503", "tchavi, service_unavailable",
			"openai, service_unavailable" })
	void answersAStatusFaultWithTheServerErrorAskedFor(String provider, String code) {
		ProviderCase api = ProviderCase.of(provider);
		String id = api.createdId(simulator, "polled");
		simulator.faults().add(FaultRule.on(provider, Operation.STATUS, Fault.SERVER_ERROR).withStatus(503));

		HttpResponse<byte[]> answer = api.status(simulator, id);

		assertThat(answer.statusCode()).isEqualTo(503);
		assertThat(api.errorCode(answer)).isEqualTo(code);
	}

	@Test
	void hitsOnlyJobsWhosePromptContainsTheText() {
		simulator.faults()
			.add(FaultRule.on("tchavi", Operation.STATUS, Fault.SERVER_ERROR).withPromptContaining("harbour"));
		String hit = ProviderCase.TCHAVI.createdId(simulator, "a harbour at night");
		String spared = ProviderCase.TCHAVI.createdId(simulator, "a meadow");

		assertThat(ProviderCase.TCHAVI.status(simulator, hit).statusCode()).isEqualTo(500);
		assertThat(ProviderCase.TCHAVI.status(simulator, spared).statusCode()).isEqualTo(200);
	}

	@Test
	void hitsEveryProviderWithAWildcardRule() {
		simulator.faults().add(FaultRule.on("*", Operation.CREATE, Fault.SERVER_ERROR).withStatus(502));

		for (ProviderCase api : ProviderCase.values()) {
			assertThat(api.create(simulator, "anywhere").statusCode()).as(api.provider).isEqualTo(502);
		}
	}

	@Test
	void answersDownloadFaultsOnOpenAiContent() {
		SimulatorHttp openai = new SimulatorHttp(simulator, "openai");
		String id = ProviderCase.OPENAI.createdId(simulator, "content fault");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> body(openai.get("/v1/videos/" + id)).path("status").asString().equals("completed"));
		simulator.faults().add(FaultRule.on("openai", Operation.DOWNLOAD, Fault.RATE_LIMIT).withTimes(1));

		HttpResponse<byte[]> limited = openai.get("/v1/videos/" + id + "/content");
		HttpResponse<byte[]> served = openai.get("/v1/videos/" + id + "/content");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(ProviderCase.OPENAI.errorCode(limited)).isEqualTo("rate_limit_exceeded");
		assertThat(served.body()).isEqualTo(simulator.videoOf(id));
		assertThat(simulator.tasks().downloadsOf(id)).isEqualTo(1);
	}

	@Test
	void failsMinimaxFileRetrievesOnly() {
		SimulatorHttp minimax = new SimulatorHttp(simulator, "minimax");
		String id = ProviderCase.MINIMAX.createdId(simulator, "retrieve fault");
		String fileId = await().atMost(Duration.ofSeconds(10))
			.until(() -> body(minimax.get("/v1/query/video_generation?task_id=" + id)).path("file_id").asString(),
					(found) -> !found.isEmpty());
		simulator.faults().add(FaultRule.on("minimax", Operation.RETRIEVE, Fault.SERVER_ERROR).withStatus(200));

		HttpResponse<byte[]> answer = minimax.get("/v1/files/retrieve?file_id=" + fileId);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(ProviderCase.MINIMAX.errorCode(answer)).isEqualTo("1024");
		assertThat(body(minimax.get("/v1/query/video_generation?task_id=" + id)).path("status").asString())
			.isEqualTo("Success");
		assertThat(simulator.tasks().callsOf("retrieve", id)).isEqualTo(1);
	}

	@Test
	void failsTheJobsCreatedWhileAGenerationRuleIsActive() {
		simulator.faults().add(FaultRule.on("aimlapi", Operation.GENERATION, Fault.GENERATION_FAILURE).withTimes(1));
		simulator.faults().add(FaultRule.on("tchavi", Operation.GENERATION, Fault.CONTENT_POLICY).withTimes(1));
		String failing = ProviderCase.AIMLAPI.createdId(simulator, "doomed");
		String fine = ProviderCase.AIMLAPI.createdId(simulator, "doomed");
		String refused = ProviderCase.TCHAVI.createdId(simulator, "refused");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> body(ProviderCase.AIMLAPI.status(simulator, fine)).path("status").asString(),
					List.of("completed", "error")::contains);

		assertThat(body(ProviderCase.AIMLAPI.status(simulator, failing)).path("status").asString()).isEqualTo("error");
		assertThat(body(ProviderCase.AIMLAPI.status(simulator, fine)).path("status").asString()).isEqualTo("completed");
		assertThat(body(ProviderCase.TCHAVI.status(simulator, refused)).path("error").path("code").asString())
			.isEqualTo("content_policy_violation");
	}

	@Test
	void refusesRulesThatCannotApply() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultRule.on("generic", Operation.CREATE, Fault.TRUNCATE));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultRule.on("generic", Operation.GENERATION, Fault.RATE_LIMIT));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultRule.on("generic", Operation.STATUS, Fault.SERVER_ERROR).withStatus(99));
	}

}
