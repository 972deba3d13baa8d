package io.reelay.downloader.guard;

import java.net.URI;
import java.util.Locale;

import okhttp3.HttpUrl;

/** Reading a URL the way OkHttp will, and naming it without its secrets. */
final class Urls {

	private static final int SCHEME_SHOWN = 20;

	private Urls() {
	}

	/**
	 * The URL as OkHttp reads it, once it is an http(s) URL with a host and no user info.
	 */
	static HttpUrl readable(URI uri) {
		String text = uri.toString();
		if (hasWhitespaceOrControl(text)) {
			throw new UnsafeDestinationException(
					"the download URL contains whitespace or control characters, which Reelay never sends");
		}
		String scheme = uri.getScheme();
		if (scheme == null) {
			throw new UnsafeDestinationException("the download URL is not absolute (it has no scheme)");
		}
		String lower = scheme.toLowerCase(Locale.ROOT);
		if (!lower.equals("http") && !lower.equals("https")) {
			throw new UnsafeDestinationException("the download URL uses the scheme '" + shown(scheme)
					+ "'; Reelay only downloads over http and https");
		}
		// OkHttp reads "http:host" and "http:///host" as if they had a host; the URI did
		// not
		HttpUrl url = (uri.isOpaque() || uri.getRawAuthority() == null) ? null : HttpUrl.parse(text);
		if (url == null) {
			throw new UnsafeDestinationException(
					"the download URL (" + lower + ") has no host and port Reelay can read");
		}
		if (uri.getRawUserInfo() != null || !url.username().isEmpty() || !url.password().isEmpty()) {
			throw new UnsafeDestinationException("the download URL " + origin(url)
					+ " carries a user name or password; Reelay does not send credentials inside URLs");
		}
		return url;
	}

	/** {@code scheme://host:port}: what a message may say about a URL. */
	static String origin(HttpUrl url) {
		String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
		return url.scheme() + "://" + host + ":" + url.port();
	}

	static String shown(String scheme) {
		return (scheme.length() > SCHEME_SHOWN) ? scheme.substring(0, SCHEME_SHOWN) + "..." : scheme;
	}

	private static boolean hasWhitespaceOrControl(String text) {
		return text.codePoints()
			.anyMatch((c) -> c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
					|| Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
	}

}
