package io.reelay.provider.openai;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.media.MediaReference;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.JobListing;
import io.reelay.provider.ListedJob;
import io.reelay.provider.MediaInputs;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * The OpenAI Videos API and gateways copying it (APIYI's Veo 3.1 channel, documented at
 * {@code api.apiyi.com}): {@code POST /v1/videos}, {@code GET /v1/videos/{id}} until
 * {@code completed}, then {@code GET /v1/videos/{id}/content} with the API key, since
 * there is no public URL.
 */
public final class OpenAiProvider implements VideoProvider {

	public static final String NAME = "openai";

	/** The host the provider document shows (APIYI). */
	public static final URI DOCUMENTED_BASE_URL = URI.create("https://api.apiyi.com");

	private static final String VIDEOS = "/v1/videos";

	private final ProviderHttpClient http;

	private final OpenAiErrors errors;

	public OpenAiProvider(ProviderHttpClient http) {
		this.http = http;
		this.errors = new OpenAiErrors(http);
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return OpenAiRequestRules.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		OpenAiModel model = OpenAiModel.of(request.model())
			.orElseThrow(() -> new ProviderException(FailureCode.INVALID_REQUEST,
					"model: '" + request.model() + "' is not an openai video model Reelay knows"));
		HttpAnswer answer;
		if (request.image() != null) {
			MediaReference.Inline image = image(request.image(), media);
			answer = this.http.postMultipart(VIDEOS, OpenAiRequestBody.form(request, model, image, this.http.json()),
					CallKind.CREATE);
		}
		else {
			answer = this.http.postJson(VIDEOS, OpenAiRequestBody.json(request, model), CallKind.CREATE);
		}
		OpenAiVideo video = this.http.readCreated(this.errors.expectSuccess(answer, CallKind.CREATE),
				OpenAiVideo.class);
		return new SubmittedTask(this.http.createdId(video.jobId(), "task_id or id", answer), video.status());
	}

	/**
	 * Reads the job. The API's {@code openai-poll-after-ms} hint is not passed on: a
	 * running status has no place for it.
	 */
	@Override
	public TaskStatus status(String providerTaskId) {
		HttpAnswer answer = this.errors.expectSuccess(this.http.get(videoPath(providerTaskId)), CallKind.READ);
		TaskStatus status = OpenAiStatuses.of(this.http.read(answer, OpenAiVideo.class),
				this.http.resolve(videoPath(providerTaskId) + "/content").toString());
		if (status instanceof TaskStatus.Running running) {
			return running.withPollAfter(pollAfter(answer));
		}
		return status;
	}

	/** OpenAI's SDK honours this header as the next poll delay, and so does Reelay. */
	private static Duration pollAfter(HttpAnswer answer) {
		try {
			return answer.headers()
				.firstValue("openai-poll-after-ms")
				.map((millis) -> Duration.ofMillis(Math.max(0, Long.parseLong(millis.trim()))))
				.orElse(null);
		}
		catch (NumberFormatException unreadable) {
			return null;
		}
	}

	/**
	 * The content endpoint, with the API key because it is the API's own origin. Right
	 * after completion it may answer 400 for a few seconds: the download is retried.
	 */
	@Override
	public DownloadRequest download(VideoCompleted completed) {
		String url = (completed.download() != null && completed.download().url() != null) ? completed.download().url()
				: this.http.resolve(videoPath(completed.providerTaskId()) + "/content").toString();
		return this.http.download(URI.create(url));
	}

	/** {@code GET /v1/videos?order=desc&limit&after}, the Videos API's list. */
	@Override
	public Optional<List<ListedJob>> jobsCreatedBetween(Instant from, Instant to) {
		return Optional.of(JobListing.createdBetween(NAME, from, to, (last) -> {
			String path = VIDEOS + "?order=desc&limit=100"
					+ ((last != null) ? "&after=" + URLEncoder.encode(last.id(), StandardCharsets.UTF_8) : "");
			HttpAnswer answer = this.errors.expectSuccess(this.http.get(path), CallKind.READ);
			return this.http.read(answer, OpenAiVideoList.class).page();
		}));
	}

	/** The first frame as bytes: the API takes the file, never a URL. */
	private static MediaReference.Inline image(String reference, MediaAccess media) {
		MediaReference parsed = MediaInputs.parse("image", reference);
		MediaReference.Inline image = MediaInputs.inline("image", parsed, media, OpenAiRequestRules.MAX_IMAGE_BYTES);
		if (!OpenAiRequestRules.IMAGE_TYPES.contains(image.mediaType())) {
			throw new ProviderException(FailureCode.INVALID_REQUEST,
					"image: " + parsed.describe() + " is " + image.mediaType() + ", openai takes JPEG, PNG or WebP");
		}
		return image;
	}

	private static String videoPath(String providerTaskId) {
		return VIDEOS + "/" + URLEncoder.encode(providerTaskId, StandardCharsets.UTF_8);
	}

}
