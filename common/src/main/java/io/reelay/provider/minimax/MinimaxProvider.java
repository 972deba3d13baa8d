package io.reelay.provider.minimax;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.reelay.event.DownloadLocation;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * MiniMax video generation: {@code POST /v1/video_generation}, then {@code GET
 * /v1/query/video_generation} until {@code Success}, then {@code GET /v1/files/retrieve}
 * for the file's download URL.
 */
public final class MinimaxProvider implements VideoProvider {

	public static final String NAME = "minimax";

	/** The global host; China's is {@code https://api.minimaxi.com}. */
	public static final URI DOCUMENTED_BASE_URL = URI.create("https://api.minimax.io");

	/** How long MiniMax serves a file's download URL. */
	static final Duration URL_VALIDITY = Duration.ofHours(9);

	private static final String CREATE = "/v1/video_generation";

	private static final String QUERY = "/v1/query/video_generation?task_id=";

	private static final String FILE = "/v1/files/retrieve?file_id=";

	private final ProviderHttpClient http;

	private final MinimaxErrors errors;

	private final Clock clock;

	public MinimaxProvider(ProviderHttpClient http) {
		this(http, Clock.systemUTC());
	}

	MinimaxProvider(ProviderHttpClient http, Clock clock) {
		this.http = http;
		this.errors = new MinimaxErrors(http.json());
		this.clock = clock;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return MinimaxRequestRules.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		HttpAnswer answer = this.http.expectSuccess(
				this.http.postJson(CREATE, MinimaxRequestBody.of(request, media), CallKind.CREATE), CallKind.CREATE,
				this.errors::fromAnswer);
		MinimaxTaskCreated created = this.http.readCreated(answer, MinimaxTaskCreated.class);
		if (MinimaxBaseResp.failed(created.baseResp())) {
			throw MinimaxErrors.refusal(created.baseResp(), CallKind.CREATE);
		}
		// the create answer carries no status word
		return new SubmittedTask(this.http.createdId(created.taskId(), "task_id", answer), null);
	}

	@Override
	public TaskStatus status(String providerTaskId) {
		MinimaxTaskQuery query = this.http.read(read(QUERY + encode(providerTaskId)), MinimaxTaskQuery.class);
		if (MinimaxStatuses.failed(query)) {
			return MinimaxStatuses.failure(query);
		}
		if (MinimaxBaseResp.failed(query.baseResp())) {
			// a refusal of the query itself, not news about the task
			throw MinimaxErrors.refusal(query.baseResp(), CallKind.READ);
		}
		if (!MinimaxStatuses.succeeded(query)) {
			return MinimaxStatuses.running(query);
		}
		MinimaxFileRetrieved retrieved = this.http.read(read(FILE + encode(query.fileId())),
				MinimaxFileRetrieved.class);
		if (MinimaxBaseResp.failed(retrieved.baseResp())) {
			throw MinimaxErrors.refusal(retrieved.baseResp(), CallKind.READ);
		}
		if (retrieved.file() == null || retrieved.file().downloadUrl() == null
				|| retrieved.file().downloadUrl().isBlank()) {
			// the file exists but has no URL yet: ask again on the next poll
			return MinimaxStatuses.running(query);
		}
		String url = retrieved.file().downloadUrl();
		return new TaskStatus.Succeeded(query.status(), new DownloadLocation(url, expiry(url)), null);
	}

	@Override
	public DownloadRequest download(VideoCompleted completed) {
		return this.http.download(URI.create(completed.download().url()));
	}

	private HttpAnswer read(String path) {
		return this.http.expectSuccess(this.http.get(path), CallKind.READ, this.errors::fromAnswer);
	}

	/** The URL's own expiry where it is a signed URL that states one, else 9 hours. */
	private Instant expiry(String url) {
		Instant now = this.clock.instant();
		return MinimaxUrls.signedExpiry(url).filter(now::isBefore).orElse(now.plus(URL_VALIDITY));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
