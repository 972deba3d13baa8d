package io.reelay.downloader;

import java.io.IOException;
import java.io.InputStream;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.provider.DownloadRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import org.springframework.stereotype.Component;

/**
 * Opens a video for streaming. OkHttp rather than the JDK client because its read timeout
 * applies to every read: a provider that stops sending mid-body cannot hang the
 * downloader.
 */
@Component
class VideoFetcher {

	private final OkHttpClient client;

	VideoFetcher(DownloaderProperties properties) {
		this.client = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.build();
	}

	/**
	 * An open download; the caller closes it. Any failure here may pass, so it is
	 * retryable.
	 */
	FetchedVideo open(DownloadRequest download) {
		Request.Builder request = new Request.Builder().url(download.uri().toString()).get();
		download.headers().forEach(request::header);
		Response response;
		try {
			response = this.client.newCall(request.build()).execute();
		}
		catch (IOException ex) {
			throw new ReelayException(FailureCode.DOWNLOAD_FAILED,
					"could not fetch the video from " + hostOf(download) + ": " + ex.getMessage(), ex);
		}
		if (!response.isSuccessful()) {
			response.close();
			throw new ReelayException(FailureCode.DOWNLOAD_FAILED,
					"fetching the video from " + hostOf(download) + " answered HTTP " + response.code());
		}
		ResponseBody body = response.body();
		return new FetchedVideo(body.byteStream(), body.contentLength(), response);
	}

	private static String hostOf(DownloadRequest download) {
		return download.uri().getHost();
	}

	/**
	 * A response body being read.
	 *
	 * @param contentLength bytes the server announced, or -1
	 */
	record FetchedVideo(InputStream body, long contentLength, Response response) implements AutoCloseable {

		@Override
		public void close() {
			this.response.close();
		}

	}

}
