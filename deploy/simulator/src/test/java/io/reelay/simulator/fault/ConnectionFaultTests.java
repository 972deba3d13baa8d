package io.reelay.simulator.fault;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorHttp;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.reelay.simulator.SimulatorHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Faults below HTTP: answers that come late, never, or cut short. Each uses a fresh
 * client, so no pooled connection hides a dropped one behind a silent retry.
 */
class ConnectionFaultTests {

	private static ProviderSimulator simulator;

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withGenerationTime(Duration.ofMillis(300)));
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@AfterEach
	void clearFaults() {
		simulator.faults().clear();
	}

	@Test
	void answersASlowCallOnlyAfterTheDelay() throws Exception {
		simulator.faults()
			.add(FaultRule.on("aimlapi", Operation.CREATE, Fault.SLOW).withDelay(Duration.ofSeconds(2)).withTimes(1));
		HttpRequest create = HttpRequest.newBuilder(URI.create(simulator.baseUrl("aimlapi") + "/v2/video/generations"))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.timeout(Duration.ofMillis(300))
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"video-01\",\"prompt\":\"slow\"}"))
			.build();

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofByteArray()));
		assertThat(HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofByteArray()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void resetsTheConnectionWithoutAnyAnswer() {
		simulator.faults().add(FaultRule.on("openai", Operation.CREATE, Fault.RESET).withTimes(1));
		HttpRequest create = HttpRequest.newBuilder(URI.create(simulator.baseUrl("openai") + "/v1/videos"))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"sora-2\",\"prompt\":\"reset\"}"))
			.build();

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofByteArray()))
			.isNotInstanceOf(HttpTimeoutException.class);
		assertThat(simulator.tasks().createCalls("openai", "reset")).isEqualTo(1);
		assertThat(simulator.tasks().all()).noneMatch((task) -> task.prompt().equals("reset"));
	}

	@Test
	void resetsStatusCallsToo() {
		String id = ProviderCase.GENERIC.createdId(simulator, "reset while polling");
		simulator.faults().add(FaultRule.on("generic", Operation.STATUS, Fault.RESET));
		HttpRequest status = HttpRequest
			.newBuilder(URI.create(simulator.baseUrl("generic") + "/v1/videos/generations/" + id))
			.header("Authorization", "Bearer " + simulator.apiKey())
			.build();

		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> HttpClient.newHttpClient().send(status, HttpResponse.BodyHandlers.ofByteArray()));
	}

	@Test
	void truncatesADownloadAfterAnnouncingItsFullLength() throws Exception {
		String id = ProviderCase.GENERIC.createdId(simulator, "cut short");
		URI url = URI.create(await().atMost(Duration.ofSeconds(10))
			.until(() -> body(ProviderCase.GENERIC.status(simulator, id)).path("video_url").asString(""),
					(found) -> !found.isEmpty()));
		simulator.faults().add(FaultRule.on("generic", Operation.DOWNLOAD, Fault.TRUNCATE).withTimes(1));
		int size = simulator.videoOf(id).length;

		HttpResponse<InputStream> cut = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofInputStream());
		int received = 0;
		try (InputStream body = cut.body()) {
			byte[] buffer = new byte[8192];
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				received += read;
			}
		}
		catch (IOException expected) {
			// the connection closed before the announced length arrived
		}

		assertThat(cut.headers().firstValueAsLong("Content-Length")).hasValue(size);
		assertThat(received).isLessThan(size);
		assertThat(new SimulatorHttp(simulator, "generic").fetch(url).body()).isEqualTo(simulator.videoOf(id));
	}

}
