package io.reelay.downloader.guard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import okhttp3.HttpUrl;

/**
 * Destinations an operator allows although they are internal: {@code host} (any port) or
 * {@code host:port}, IPv6 in brackets ({@code [::1]:8080}). An entry matches the host as
 * the URL spells it, ignoring case and a trailing dot; IPv6 in any notation.
 */
final class AllowedHosts {

	private final List<Entry> entries;

	private AllowedHosts(List<Entry> entries) {
		this.entries = entries;
	}

	static AllowedHosts of(Collection<String> entries) {
		List<Entry> parsed = new ArrayList<>();
		for (String entry : entries) {
			if (entry != null && !entry.isBlank()) {
				parsed.add(parse(entry.trim()));
			}
		}
		return new AllowedHosts(List.copyOf(parsed));
	}

	/**
	 * @param host as {@link HttpUrl#host()} gives it
	 */
	boolean contains(String host, int port) {
		String bare = bare(host);
		for (Entry entry : this.entries) {
			if (entry.host.equals(bare) && (entry.port == Entry.ANY_PORT || entry.port == port)) {
				return true;
			}
		}
		return false;
	}

	/** Lower case, without the trailing dot that makes a name fully qualified. */
	static String bare(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

	private static Entry parse(String entry) {
		if (entry.contains("/") || entry.contains("@")) {
			throw invalid(entry, "write host or host:port, not a URL");
		}
		String host = entry;
		String port = null;
		if (entry.startsWith("[")) {
			int end = entry.indexOf(']');
			if (end < 0 || (end + 1 < entry.length() && entry.charAt(end + 1) != ':')) {
				throw invalid(entry, "an IPv6 address is written [address] or [address]:port");
			}
			host = entry.substring(1, end);
			port = (end + 1 < entry.length()) ? entry.substring(end + 2) : null;
		}
		else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
			throw invalid(entry, "write IPv6 addresses in brackets, as [::1] or [::1]:8080");
		}
		else if (entry.contains(":")) {
			host = entry.substring(0, entry.indexOf(':'));
			port = entry.substring(entry.indexOf(':') + 1);
		}
		return new Entry(canonical(entry, host), (port != null) ? port(entry, port) : Entry.ANY_PORT);
	}

	/** The form HttpUrl gives the same host, so entries compare with what is fetched. */
	private static String canonical(String entry, String host) {
		try {
			return bare(new HttpUrl.Builder().scheme("http").host(host).build().host());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(entry, "'" + host + "' is not a host name or IP address");
		}
	}

	private static int port(String entry, String port) {
		try {
			int value = Integer.parseInt(port);
			if (value >= 1 && value <= 65535) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw invalid(entry, "the port must be a number from 1 to 65535");
	}

	private static IllegalArgumentException invalid(String entry, String why) {
		return new IllegalArgumentException("allowed host '" + entry + "' cannot be read: " + why);
	}

	private record Entry(String host, int port) {

		static final int ANY_PORT = -1;

	}

}
