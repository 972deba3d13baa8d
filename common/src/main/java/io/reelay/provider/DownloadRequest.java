package io.reelay.provider;

import java.net.URI;
import java.util.Map;

/**
 * An HTTP GET that fetches a finished video.
 *
 * @param headers request headers, credentials included: never log them
 */
public record DownloadRequest(URI uri, Map<String, String> headers) {

	public DownloadRequest {
		headers = Map.copyOf(headers);
	}

	@Override
	public String toString() {
		return "GET " + this.uri + " (" + this.headers.size() + " headers)";
	}

}
