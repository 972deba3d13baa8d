package io.reelay.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the simulator records of the requests it received, for contract tests. */
class RequestLogTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void recordsWhatAnAdapterSentWithoutTheKey() {
		SimulatorHttp aimlapi = new SimulatorHttp(simulator, "aimlapi");
		aimlapi.post("/v2/video/generations", "{'model':'video-01','prompt':'recorded'}");
		aimlapi.get("/v2/video/generations?generation_id=abc", "wrong");

		List<ReceivedRequest> received = simulator.received("aimlapi");
		ReceivedRequest create = received.get(received.size() - 2);
		ReceivedRequest poll = received.get(received.size() - 1);

		assertThat(create.provider()).isEqualTo("aimlapi");
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.path()).isEqualTo("/aimlapi/v2/video/generations");
		assertThat(create.query()).isNull();
		assertThat(create.contentType()).isEqualTo("application/json");
		assertThat(create.bodyJson().orElseThrow().path("prompt").asString()).isEqualTo("recorded");
		assertThat(create.carriedApiKey()).isTrue();
		assertThat(create.header("Authorization")).hasValue(ReceivedRequest.REDACTED);
		assertThat(create.toString()).doesNotContain(simulator.apiKey());
		assertThat(poll.query()).isEqualTo("generation_id=abc");
		assertThat(poll.carriedApiKey()).isFalse();
		assertThat(poll.header("authorization")).hasValue(ReceivedRequest.REDACTED);
	}

	@Test
	void recordsVideoDownloadsUnderTheirProvider() {
		SimulatorHttp tchavi = new SimulatorHttp(simulator, "tchavi");
		String id = SimulatorHttp.body(tchavi.post("/v1/videos/generations", "{'model':'seedance-2','prompt':'x'}"))
			.path("id")
			.asString();
		tchavi.fetch(simulator.videoUrlOf(id));

		ReceivedRequest download = simulator.received("tchavi").get(simulator.received("tchavi").size() - 1);

		assertThat(download.path()).isEqualTo("/tchavi/files/" + id + ".mp4");
		assertThat(download.query()).startsWith("expires=");
	}

	@Test
	void keepsOnlyTheLastThousandRequestsOfAProvider() {
		RequestLog log = new RequestLog();
		for (int request = 0; request < RequestLog.KEPT_PER_PROVIDER + 5; request++) {
			log.record(new ReceivedRequest("openai", "GET", "/openai/v1/videos/" + request, null, null, Map.of(),
					new byte[0], 0, true, Instant.now()));
		}

		assertThat(log.of("openai")).hasSize(RequestLog.KEPT_PER_PROVIDER);
		assertThat(log.of("openai").get(0).path()).isEqualTo("/openai/v1/videos/5");
		assertThat(log.of("minimax")).isEmpty();
	}

}
