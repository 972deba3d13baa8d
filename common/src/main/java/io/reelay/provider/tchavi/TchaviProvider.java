package io.reelay.provider.tchavi;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.JobListing;
import io.reelay.provider.ListedJob;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.http.CallKind;
import io.reelay.provider.http.HttpAnswer;
import io.reelay.provider.http.OpenAiStyleErrors;
import io.reelay.provider.http.ProviderHttpClient;

/**
 * tchavi's video API (Seedance 2.0, Kling V3): {@code POST /v1/videos/generations}
 * answers 202 with a job, {@code GET /v1/jobs/{id}} until it is {@code completed} with an
 * {@code output.video_url}, which expires.
 */
public final class TchaviProvider implements VideoProvider {

	public static final String NAME = "tchavi";

	/** The API root the provider document shows. */
	public static final URI DOCUMENTED_BASE_URL = URI.create("https://tchavi.com/api");

	private static final String GENERATIONS = "/v1/videos/generations";

	private static final String JOBS = "/v1/jobs/";

	private static final int PAGE = 100;

	private final ProviderHttpClient http;

	public TchaviProvider(ProviderHttpClient http) {
		this.http = http;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return TchaviRequestRules.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		HttpAnswer answer = this.http.expectSuccess(
				this.http.postJson(GENERATIONS, TchaviRequestBody.of(request, media), CallKind.CREATE), CallKind.CREATE,
				this::errorOf);
		TchaviJob job = this.http.readCreated(answer, TchaviJob.class).unwrapped();
		return new SubmittedTask(this.http.createdId(job.id(), "job id", answer), job.status());
	}

	@Override
	public TaskStatus status(String providerTaskId) {
		String path = JOBS + URLEncoder.encode(providerTaskId, StandardCharsets.UTF_8);
		HttpAnswer answer = this.http.expectSuccess(this.http.get(path), CallKind.READ, this::errorOf);
		return TchaviStatuses.of(this.http.read(answer, TchaviJob.class).unwrapped());
	}

	/**
	 * The {@code video_url} as it is: it usually points at a file host, which gets no API
	 * key.
	 */
	@Override
	public DownloadRequest download(VideoCompleted completed) {
		if (completed.download() == null || completed.download().url() == null) {
			// the poller only completes a job that has one: this event was not made by
			// Reelay
			throw new ProviderException(FailureCode.INTERNAL,
					"tchavi job " + completed.providerTaskId() + " completed without a video_url to download");
		}
		return this.http.download(URI.create(completed.download().url()));
	}

	/** {@code GET /v1/jobs?limit&offset}, newest first as the API lists them. */
	@Override
	public Optional<List<ListedJob>> jobsCreatedBetween(Instant from, Instant to) {
		int[] offset = { 0 };
		return Optional.of(JobListing.createdBetween(NAME, from, to, (last) -> {
			String path = "/v1/jobs?limit=" + PAGE + "&offset=" + offset[0];
			HttpAnswer answer = this.http.expectSuccess(this.http.get(path), CallKind.READ, this::errorOf);
			JobListing.Page page = this.http.read(answer, TchaviJobList.class).page();
			offset[0] += page.jobs().size();
			return page;
		}));
	}

	private ProviderError errorOf(HttpAnswer answer) {
		return OpenAiStyleErrors.fromAnswer(this.http.json(), answer);
	}

}
