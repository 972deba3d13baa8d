package io.reelay.provider.aimlapi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.MediaInputs;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * AI/ML API's {@code video-01} (MiniMax Hailuo): {@code POST /v2/video/generations}, then
 * {@code GET /v2/video/generations?generation_id=} until it is {@code completed}.
 */
public final class AimlapiProvider implements VideoProvider {

	public static final String NAME = "aimlapi";

	public static final URI DOCUMENTED_BASE_URL = URI.create("https://api.aimlapi.com");

	private static final String GENERATIONS = "/v2/video/generations";

	private final ProviderHttpClient http;

	private final AimlapiErrors errors;

	public AimlapiProvider(ProviderHttpClient http) {
		this.http = http;
		this.errors = new AimlapiErrors(http.json());
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return AimlapiRequestRules.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		HttpAnswer answer = successful(this.http.postJson(GENERATIONS, body(request, media), CallKind.CREATE),
				CallKind.CREATE);
		AimlapiGeneration generation = this.http.readCreated(answer, AimlapiGeneration.class);
		return new SubmittedTask(this.http.createdId(generation.id(), "generation id", answer), generation.status());
	}

	@Override
	public TaskStatus status(String providerTaskId) {
		String path = GENERATIONS + "?generation_id=" + URLEncoder.encode(providerTaskId, StandardCharsets.UTF_8);
		HttpAnswer answer = successful(this.http.get(path), CallKind.READ);
		return AimlapiStatuses.of(this.http.read(answer, AimlapiGeneration.class));
	}

	@Override
	public DownloadRequest download(VideoCompleted completed) {
		return this.http.download(URI.create(completed.download().url()));
	}

	private HttpAnswer successful(HttpAnswer answer, CallKind kind) {
		if (!answer.successful()) {
			throw this.errors.failure(answer, kind);
		}
		return answer;
	}

	private static Map<String, Object> body(VideoRequested request, MediaAccess media) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("prompt", request.prompt());
		if (request.image() != null) {
			body.put("image_url", imageUrl(request.image(), media));
		}
		if (request.enhancePrompt() != null) {
			body.put("enhance_prompt", request.enhancePrompt());
		}
		request.providerOptions().forEach(body::putIfAbsent);
		return body;
	}

	/**
	 * {@code image_url} is "a direct link to an online image or a Base64-encoded local
	 * image": web URLs go as they are, anything else inline as a {@code data:} URL.
	 */
	private static String imageUrl(String reference, MediaAccess media) {
		return MediaInputs.webUrlOrDataUrl("image", reference, media, AimlapiRequestRules.IMAGE_RULES);
	}

}
