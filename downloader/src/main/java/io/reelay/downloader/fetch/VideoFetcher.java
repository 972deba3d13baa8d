package io.reelay.downloader.fetch;

import java.io.IOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelay.downloader.guard.CheckedDestination;
import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.downloader.guard.UnsafeDestinationException;
import io.reelay.metrics.ProviderCallScope;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * GETs a video, following redirects itself so that every hop passes the
 * {@link DestinationGuard} before any connection, and connects only to the addresses the
 * guard checked. OkHttp because its read timeout applies to every read: a host that stops
 * sending mid-body cannot hang the downloader.
 *
 * <p>
 * The caller's headers (credentials) go to the first URL's origin only; once a redirect
 * leaves it they are not sent again, even if a later hop comes back. More than
 * {@code maxRedirects} redirects is an {@link UnsafeDestinationException}: not retried,
 * since the same URL would lead through the same chain.
 */
public final class VideoFetcher implements AutoCloseable {

	/** Set by the fetcher alone: they fix which bytes come back and where to. */
	private static final Set<String> OWN_HEADERS = Set.of("host", "connection", "accept-encoding", "range", "if-range");

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final Pattern SCHEME = Pattern.compile("^\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");

	private final OkHttpClient client;

	private final DestinationGuard guard;

	private final int maxRedirects;

	private final Clock clock;

	public VideoFetcher(FetchSettings settings, DestinationGuard guard) {
		this(settings, guard, Clock.systemUTC());
	}

	VideoFetcher(FetchSettings settings, DestinationGuard guard, Clock clock) {
		this.client = new OkHttpClient.Builder().connectTimeout(settings.connectTimeout())
			.readTimeout(settings.readTimeout())
			.followRedirects(false)
			.followSslRedirects(false)
			.proxy(Proxy.NO_PROXY)
			.cookieJar(CookieJar.NO_COOKIES)
			.build();
		this.guard = Objects.requireNonNull(guard, "guard");
		this.maxRedirects = settings.maxRedirects();
		this.clock = clock;
	}

	/**
	 * The answer of the last hop, whatever its status.
	 * @param headers sent to the first URL's origin only
	 * @param rangeStart the first byte wanted, or -1 for the whole file
	 * @param ifRange with a range: the ETag or date the bytes must still match, or null
	 * @throws UnsafeDestinationException when a hop leads where Reelay does not connect,
	 * or there are too many redirects
	 * @throws IOException when the network fails (DNS included); worth retrying
	 */
	public FetchResponse get(URI uri, Map<String, String> headers, long rangeStart, String ifRange) throws IOException {
		URI current = uri;
		HttpUrl first = null;
		String redirectedBy = null;
		boolean withHeaders = true;
		for (int redirects = 0;; redirects++) {
			CheckedDestination destination = check(current, redirectedBy);
			HttpUrl url = HttpUrl.get(current.toString());
			first = (first != null) ? first : url;
			withHeaders = withHeaders && sameOrigin(first, url);
			Response response = execute(destination, url, withHeaders ? headers : Map.of(), rangeStart, ifRange);
			String location = REDIRECTS.contains(response.code()) ? response.header("Location") : null;
			if (location == null) {
				return new FetchResponse(response, current, this.clock);
			}
			response.close();
			if (redirects == this.maxRedirects) {
				throw new UnsafeDestinationException("the download was redirected more than " + this.maxRedirects
						+ " times (the last by " + destination.origin() + "); Reelay follows no more");
			}
			redirectedBy = destination.origin();
			current = next(url, location, redirectedBy);
		}
	}

	private CheckedDestination check(URI uri, String redirectedBy) throws IOException {
		try {
			return this.guard.check(uri);
		}
		catch (UnsafeDestinationException ex) {
			if (redirectedBy == null) {
				throw ex;
			}
			throw new UnsafeDestinationException("after a redirect from " + redirectedBy + ", " + ex.getMessage());
		}
	}

	private Response execute(CheckedDestination destination, HttpUrl url, Map<String, String> headers, long rangeStart,
			String ifRange) throws IOException {
		Request.Builder request = new Request.Builder().url(url).get();
		headers.forEach((name, value) -> {
			if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				request.header(name, value);
			}
		});
		// no transparent gzip: offsets must be the file's, and no decompression bombs
		request.header("Accept-Encoding", "identity");
		if (rangeStart >= 0) {
			request.header("Range", "bytes=" + rangeStart + "-");
			if (ifRange != null) {
				request.header("If-Range", ifRange);
			}
		}
		OkHttpClient pinned = this.client.newBuilder()
			.dns(new PinnedDns(url.host(), destination.addresses()))
			.socketFactory(new PinnedSocketFactory(destination.addresses()))
			.build();
		// each hop is an HTTP call to the provider (or its CDN), counted in the
		// downloader's scope
		long start = System.nanoTime();
		try {
			Response response = pinned.newCall(request.build()).execute();
			ProviderCallScope.answered(response.code(), start);
			return response;
		}
		catch (IOException ex) {
			ProviderCallScope.unanswered(start);
			throw ex;
		}
	}

	private static URI next(HttpUrl url, String location, String from) {
		HttpUrl next = url.resolve(location);
		if (next != null) {
			return next.uri();
		}
		Matcher scheme = SCHEME.matcher(location);
		String what = scheme.find() && !scheme.group(1).equalsIgnoreCase("http")
				&& !scheme.group(1).equalsIgnoreCase("https")
						? "a URL with the scheme '" + shown(scheme.group(1))
								+ "'; Reelay only downloads over http and https"
						: "a Location that is not a URL Reelay can read";
		throw new UnsafeDestinationException("after a redirect from " + from + ", the download led to " + what);
	}

	private static String shown(String scheme) {
		return (scheme.length() > 20) ? scheme.substring(0, 20) + "..." : scheme;
	}

	private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
		return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
	}

	/** Drops pooled connections. */
	@Override
	public void close() {
		this.client.connectionPool().evictAll();
	}

}
