package io.reelay.downloader.transfer;

import io.reelay.downloader.fetch.FetchResponse;
import io.reelay.event.FailureCode;

/**
 * What an HTTP answer to a video GET means for the download. Right after completion some
 * providers still answer 400, 403 or 404 for a few seconds (OpenAI's {@code /content}),
 * so within the not-ready window those are retried; after it a 403, 404 or 410 means the
 * URL expired or was revoked, which a fresh URL from the provider may cure.
 */
final class Answers {

	private Answers() {
	}

	static void requireVideo(FetchResponse response, boolean mayNotBeReady, String where) {
		int status = response.status();
		if (status == 200) {
			return;
		}
		String said = " (HTTP " + status + said(response) + ")";
		if (mayNotBeReady && (status == 400 || status == 403 || status == 404)) {
			throw DownloadFailure.retry(where + " does not serve the video yet" + said, response.retryAfter(), null);
		}
		if (status == 401) {
			throw DownloadFailure.giveUp(FailureCode.AUTHENTICATION,
					where + " refused Reelay's credentials for the video" + said);
		}
		if (status == 403 || status == 404 || status == 410) {
			throw DownloadFailure.refreshUrl(where + " no longer serves the video at this URL" + said);
		}
		if (status == 408 || status == 425 || status == 429 || status >= 500) {
			throw DownloadFailure.retry(where + " could not serve the video now" + said, response.retryAfter(), null);
		}
		throw DownloadFailure.giveUp(FailureCode.DOWNLOAD_FAILED, where + " refused to serve the video" + said);
	}

	private static String said(FetchResponse response) {
		String snippet = response.bodySnippet(200);
		return (snippet == null || snippet.isBlank()) ? "" : ": " + snippet.strip();
	}

}
