package io.reelay.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * A plain {@link HttpClient} talking to one provider of a simulator, as an adapter would.
 * JSON may be written with single quotes: {@code json("{'model':'m'}")}.
 */
public final class SimulatorHttp {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ProviderSimulator simulator;

	private final String provider;

	public SimulatorHttp(ProviderSimulator simulator, String provider) {
		this.simulator = simulator;
		this.provider = provider;
	}

	/** Single quotes to double quotes, so JSON reads well in Java strings. */
	public static String json(String singleQuoted) {
		return singleQuoted.replace('\'', '"');
	}

	public static JsonNode body(HttpResponse<byte[]> response) {
		return Exchanges.json().readTree(response.body());
	}

	public static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	public URI url(String path) {
		return URI.create(this.simulator.baseUrl(this.provider) + path);
	}

	public HttpResponse<byte[]> get(String path) {
		return get(path, this.simulator.apiKey());
	}

	/** A GET with this API key, or none when {@code null}. */
	public HttpResponse<byte[]> get(String path, String apiKey) {
		return send(authorized(HttpRequest.newBuilder(url(path)).GET(), apiKey));
	}

	public HttpResponse<byte[]> delete(String path) {
		return send(authorized(HttpRequest.newBuilder(url(path)).DELETE(), this.simulator.apiKey()));
	}

	public HttpResponse<byte[]> post(String path, String singleQuotedJson) {
		return post(path, singleQuotedJson, this.simulator.apiKey());
	}

	public HttpResponse<byte[]> post(String path, String singleQuotedJson, String apiKey) {
		return send(authorized(HttpRequest.newBuilder(url(path)), apiKey).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json(singleQuotedJson))));
	}

	/** A request to any URL, without the API key (video file URLs need none). */
	public HttpResponse<byte[]> fetch(URI url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	public HttpResponse<byte[]> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Polls until a final status word, returning every distinct word seen, in order.
	 */
	public static List<String> statusWords(Supplier<String> status, List<String> finalWords) {
		List<String> seen = new ArrayList<>();
		await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(5)).until(() -> {
			String word = status.get();
			if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(word)) {
				seen.add(word);
			}
			return finalWords.contains(word);
		});
		return seen;
	}

	private static HttpRequest.Builder authorized(HttpRequest.Builder request, String apiKey) {
		return (apiKey != null) ? request.header("Authorization", "Bearer " + apiKey) : request;
	}

}
