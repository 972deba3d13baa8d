package io.reelay.provider.generic;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.ProviderError;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.OpenAiStyleErrors;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * The generic video API: {@code POST /v1/videos/generations}, then {@code GET
 * /v1/videos/generations/{id}} until it shows a {@code video_url}.
 */
public final class GenericProvider implements VideoProvider {

	public static final String NAME = "generic";

	/** The host the provider document shows. */
	public static final URI DOCUMENTED_BASE_URL = URI.create("https://api.yuhuanstudio.com");

	private static final String GENERATIONS = "/v1/videos/generations";

	private final ProviderHttpClient http;

	public GenericProvider(ProviderHttpClient http) {
		this.http = http;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return GenericRequestRules.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		HttpAnswer answer = this.http.expectSuccess(this.http.postJson(GENERATIONS, body(request), CallKind.CREATE),
				CallKind.CREATE, this::errorOf);
		GenericTask task = this.http.readCreated(answer, GenericTask.class);
		return new SubmittedTask(this.http.createdId(task.id(), "task id", answer), task.status());
	}

	@Override
	public TaskStatus status(String providerTaskId) {
		String path = GENERATIONS + "/" + URLEncoder.encode(providerTaskId, StandardCharsets.UTF_8);
		HttpAnswer answer = this.http.expectSuccess(this.http.get(path), CallKind.READ, this::errorOf);
		return GenericStatuses.of(this.http.read(answer, GenericTask.class));
	}

	@Override
	public DownloadRequest download(VideoCompleted completed) {
		return this.http.download(URI.create(completed.download().url()));
	}

	/** Gateways of this shape copy OpenAI's error body, some only in part. */
	private ProviderError errorOf(HttpAnswer answer) {
		return OpenAiStyleErrors.fromAnswer(this.http.json(), answer);
	}

	private static Map<String, Object> body(VideoRequested request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("prompt", request.prompt());
		putIfPresent(body, "duration", request.duration());
		putIfPresent(body, "resolution", request.resolution());
		putIfPresent(body, "fps", request.fps());
		request.providerOptions().forEach(body::putIfAbsent);
		return body;
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

}
