package io.reelay.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request's image, video or audio is: on the web, inline in the record, or in
 * Reelay's own bucket (a claim check for files too large to travel through Kafka).
 */
public sealed interface MediaReference {

	/** The reference as the request wrote it, shortened for messages. */
	String describe();

	/** An {@code http} or {@code https} URL the provider fetches itself. */
	record Web(URI uri) implements MediaReference {

		@Override
		public String describe() {
			return this.uri.getScheme() + "://" + this.uri.getHost() + "/…";
		}

	}

	/** A {@code data:} URL, decoded. */
	record Inline(String mediaType, byte[] bytes) implements MediaReference {

		/** The same file as a {@code data:} URL. */
		public String dataUrl() {
			return "data:" + this.mediaType + ";base64," + Base64.getEncoder().encodeToString(this.bytes);
		}

		@Override
		public String describe() {
			return "data:" + this.mediaType + " (" + this.bytes.length + " bytes)";
		}

	}

	/** An object in Reelay's bucket, as {@code s3://bucket/key}. */
	record InBucket(String bucket, String key) implements MediaReference {

		@Override
		public String describe() {
			return "s3://" + this.bucket + "/" + this.key;
		}

	}

	/**
	 * Reads a reference.
	 * @throws IllegalArgumentException with a message for the requester when it is none
	 * of the three forms
	 */
	static MediaReference parse(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("is empty");
		}
		String lower = text.substring(0, Math.min(text.length(), 8)).toLowerCase(Locale.ROOT);
		if (lower.startsWith("data:")) {
			return inline(text);
		}
		URI uri;
		try {
			uri = new URI(text);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (scheme.equals("http") || scheme.equals("https")) {
			if (uri.getHost() == null) {
				throw new IllegalArgumentException("has no host");
			}
			return new Web(uri);
		}
		if (scheme.equals("s3")) {
			String key = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
			if (uri.getHost() == null || key.isEmpty()) {
				throw new IllegalArgumentException("must look like s3://bucket/key");
			}
			return new InBucket(uri.getHost(), key);
		}
		throw new IllegalArgumentException("must be an http(s) URL, a data: URL or an s3://bucket/key URI");
	}

	/** The reference, or empty when it cannot be read; request checks report why. */
	static Optional<MediaReference> tryParse(String text) {
		try {
			return Optional.of(parse(text));
		}
		catch (IllegalArgumentException unreadable) {
			return Optional.empty();
		}
	}

	private static Inline inline(String text) {
		int comma = text.indexOf(',');
		if (comma < 0) {
			throw new IllegalArgumentException("is a data: URL without data");
		}
		String header = text.substring("data:".length(), comma);
		if (!header.endsWith(";base64")) {
			throw new IllegalArgumentException("is a data: URL that is not base64 encoded");
		}
		String mediaType = header.substring(0, header.length() - ";base64".length()).toLowerCase(Locale.ROOT);
		if (mediaType.isEmpty()) {
			throw new IllegalArgumentException("is a data: URL without a media type");
		}
		try {
			return new Inline(mediaType, Base64.getMimeDecoder().decode(text.substring(comma + 1)));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("is a data: URL whose base64 does not decode");
		}
	}

}
