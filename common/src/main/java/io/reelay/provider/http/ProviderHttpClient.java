package io.reelay.provider.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.metrics.ProviderCallScope;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.ProviderException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One provider's JSON API over the JDK HTTP client: bearer authentication, timeouts from
 * configuration, and every failure turned into a {@link ProviderException}.
 */
public final class ProviderHttpClient {

	private final String provider;

	private final URI baseUrl;

	private final String apiKey;

	private final Duration requestTimeout;

	private final HttpClient client;

	private final JsonMapper json;

	public ProviderHttpClient(String provider, URI baseUrl, ProviderEndpoint endpoint, JsonMapper json) {
		this.provider = provider;
		this.baseUrl = withoutTrailingSlash(baseUrl);
		this.apiKey = endpoint.apiKey();
		this.requestTimeout = endpoint.requestTimeout();
		this.json = json;
		this.client = HttpClient.newBuilder()
			.connectTimeout(endpoint.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public URI baseUrl() {
		return this.baseUrl;
	}

	public String bearer() {
		return "Bearer " + this.apiKey;
	}

	/** {@code baseUrl + path}, path starting with a slash and already encoded. */
	public URI resolve(String path) {
		return URI.create(this.baseUrl + path);
	}

	public HttpAnswer get(String path) {
		return send(request(path).GET().build(), CallKind.READ);
	}

	public HttpAnswer postJson(String path, Object body, CallKind kind) {
		byte[] payload = this.json.writeValueAsBytes(body);
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(payload))
			.build(), kind);
	}

	public HttpAnswer postMultipart(String path, MultipartForm form, CallKind kind) {
		return send(request(path).header("Content-Type", form.contentType())
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()))
			.build(), kind);
	}

	/**
	 * A GET of a finished video. The API key goes only to the API's own origin, never to
	 * a CDN or another host a provider names.
	 */
	public DownloadRequest download(URI uri) {
		boolean sameOrigin = Objects.equals(uri.getScheme(), this.baseUrl.getScheme())
				&& Objects.equals(uri.getHost(), this.baseUrl.getHost()) && uri.getPort() == this.baseUrl.getPort();
		return new DownloadRequest(uri, sameOrigin ? Map.of("Authorization", bearer()) : Map.of());
	}

	/**
	 * The answer to a call, or a {@link ProviderException}: non-2xx answers are
	 * classified with the provider's own error, which {@code errorOf} extracts from the
	 * body.
	 */
	public HttpAnswer expectSuccess(HttpAnswer answer, CallKind kind, Function<HttpAnswer, ProviderError> errorOf) {
		if (answer.successful()) {
			return answer;
		}
		throw HttpFailures.forStatus(this.provider, kind, errorOf.apply(answer), answer.headers());
	}

	/**
	 * Reads a 2xx body; a body that is not the documented JSON is the provider's fault,
	 * not the request's.
	 */
	public <T> T read(HttpAnswer answer, Class<T> type) {
		try {
			return this.json.readValue(answer.body(), type);
		}
		catch (JacksonException ex) {
			throw new ProviderException(FailureCode.PROVIDER_UNAVAILABLE,
					this.provider + " sent an answer Reelay cannot read: " + answer.bodyExcerpt(),
					new ProviderError(answer.status(), null, answer.bodyExcerpt()), null, ex);
		}
	}

	/**
	 * Reads the 2xx answer to a create call. The provider took the request, so the job
	 * may well exist: an answer Reelay cannot read is SUBMISSION_OUTCOME_UNKNOWN, never
	 * sent again.
	 */
	public <T> T readCreated(HttpAnswer answer, Class<T> type) {
		try {
			return read(answer, type);
		}
		catch (ProviderException unreadable) {
			throw outcomeUnknown("answered the create call with an answer Reelay cannot read: " + answer.bodyExcerpt(),
					answer, unreadable);
		}
	}

	/**
	 * The id a create answer must carry: without it the job may exist, and be billed, but
	 * Reelay can never follow it.
	 * @param name the id's name in the provider's API, for the message
	 */
	public String createdId(String id, String name, HttpAnswer answer) {
		if (id == null || id.isBlank()) {
			throw outcomeUnknown("accepted the request but sent no " + name + ": " + answer.bodyExcerpt(), answer,
					null);
		}
		return id;
	}

	private ProviderException outcomeUnknown(String what, HttpAnswer answer, Throwable cause) {
		return new ProviderException(FailureCode.SUBMISSION_OUTCOME_UNKNOWN,
				this.provider + " " + what + "; the job may have been created, so Reelay does not submit it again",
				new ProviderError(answer.status(), null, answer.bodyExcerpt()), null, cause);
	}

	public JsonMapper json() {
		return this.json;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(resolve(path))
			.timeout(this.requestTimeout)
			.header("Authorization", bearer())
			.header("Accept", "application/json");
	}

	/**
	 * Each call is counted and timed in the stage's {@link ProviderCallScope}, if any.
	 */
	private HttpAnswer send(HttpRequest request, CallKind kind) {
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			ProviderCallScope.answered(response.statusCode(), start);
			return new HttpAnswer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			ProviderCallScope.unanswered(start);
			throw HttpFailures.forIo(this.provider, kind, ex);
		}
		catch (InterruptedException ex) {
			ProviderCallScope.unanswered(start);
			Thread.currentThread().interrupt();
			throw HttpFailures.forIo(this.provider, kind, new IOException("interrupted", ex));
		}
	}

	private static URI withoutTrailingSlash(URI uri) {
		String text = uri.toString();
		return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
	}

}
