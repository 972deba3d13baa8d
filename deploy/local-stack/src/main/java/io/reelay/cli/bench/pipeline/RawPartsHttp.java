package io.reelay.cli.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.reelay.cli.bench.Text;
import io.reelay.simulator.ProviderSimulator;

/**
 * The simulator's raw request rate: the JDK's HTTP client (HTTP/1.1, one client, so one
 * pooled connection per thread) asks for the status of a job that is done, again and
 * again, from a few threads; every answer must be a 200. A status answer is the
 * simulator's typical call: a small JSON body with a signed video URL.
 */
final class RawPartsHttp {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.build();

	private final HttpRequest status;

	private final LongAdder bytes = new LongAdder();

	private RawPartsHttp(HttpRequest status) {
		this.status = status;
	}

	static PartRates.Run measure(ProviderSimulator simulator, int calls, int warmup, int threads) throws Exception {
		String taskId = simulator.tasks().seed("generic", "bench-parts", "raw status calls", Duration.ZERO).id();
		URI url = URI.create(simulator.baseUrl("generic") + "/v1/videos/generations/" + taskId);
		RawPartsHttp http = new RawPartsHttp(HttpRequest.newBuilder(url)
			.GET()
			.header("Authorization", "Bearer " + simulator.apiKey())
			.timeout(TIMEOUT)
			.build());
		RawPartsCalls.run(warmup, threads, (index) -> http.call());
		http.bytes.reset();
		Duration took = RawPartsCalls.run(calls, threads, (index) -> http.call());
		long answerBytes = http.bytes.sum() / calls;
		String how = Text.format("GET a done job's status (generic, %,d B JSON), JDK HttpClient HTTP/1.1, %d threads",
				answerBytes, threads);
		return new PartRates.Run(calls, warmup, answerBytes, threads, took, how);
	}

	private void call() throws Exception {
		HttpResponse<byte[]> response = this.client.send(this.status, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("the simulator answered HTTP " + response.statusCode() + " to "
					+ this.status.uri().getPath() + ": " + new String(response.body()));
		}
		this.bytes.add(response.body().length);
	}

}
