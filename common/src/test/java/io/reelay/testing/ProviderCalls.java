package io.reelay.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.reelay.event.VideoRequested;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ProviderException;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Calls adapter contract tests make on any {@link VideoProvider}, as the stages would:
 * submit, poll until the job ends, fetch the video.
 */
public final class ProviderCalls {

	/** Far longer than a simulated generation takes in tests. */
	private static final Duration END_WITHIN = Duration.ofSeconds(10);

	private ProviderCalls() {
	}

	/** Polls until the job is no longer running, and returns how it ended. */
	public static TaskStatus awaitEnd(VideoProvider provider, SubmittedTask task) {
		return await().atMost(END_WITHIN)
			.until(() -> provider.status(task.providerTaskId()), (status) -> !(status instanceof TaskStatus.Running));
	}

	public static TaskStatus.Succeeded awaitSucceeded(VideoProvider provider, SubmittedTask task) {
		TaskStatus end = awaitEnd(provider, task);
		assertThat(end).isInstanceOf(TaskStatus.Succeeded.class);
		return (TaskStatus.Succeeded) end;
	}

	public static TaskStatus.Failed awaitFailed(VideoProvider provider, SubmittedTask task) {
		TaskStatus end = awaitEnd(provider, task);
		assertThat(end).isInstanceOf(TaskStatus.Failed.class);
		return (TaskStatus.Failed) end;
	}

	/** The exception a submission must fail with; the test fails if it succeeds. */
	public static ProviderException submitFailure(VideoProvider provider, VideoRequested request) {
		try {
			provider.submit(request, ProviderFixtures.media());
		}
		catch (ProviderException ex) {
			return ex;
		}
		throw new AssertionError("the submission succeeded");
	}

	/** Sends a download as the downloader does, with the headers the adapter chose. */
	public static HttpResponse<byte[]> send(DownloadRequest download) throws Exception {
		HttpRequest.Builder get = HttpRequest.newBuilder(download.uri()).GET();
		download.headers().forEach(get::header);
		return HttpClient.newHttpClient().send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** The bytes of a download that must succeed. */
	public static byte[] fetch(DownloadRequest download) throws Exception {
		HttpResponse<byte[]> response = send(download);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

}
