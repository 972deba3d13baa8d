package io.reelay.provider.http;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A complete HTTP answer from a provider, body read into memory (API answers are small).
 */
public record HttpAnswer(int status, HttpHeaders headers, byte[] body) {

	public boolean successful() {
		return this.status >= 200 && this.status < 300;
	}

	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/** The body on one line, cut to a length that fits a message; null when empty. */
	public String bodyExcerpt() {
		String oneLine = bodyText().replaceAll("\\s+", " ").strip();
		if (oneLine.isEmpty()) {
			return null;
		}
		return (oneLine.length() <= 300) ? oneLine : oneLine.substring(0, 300) + "…";
	}

}
