package io.reelay.downloader.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import okhttp3.Dns;

/**
 * Answers OkHttp with the addresses the guard checked, so a second DNS answer (a
 * rebinding attack) is never used. A record: OkHttp pools connections per equal Dns, so
 * two hops to the same host and addresses share connections.
 */
record PinnedDns(String host, List<InetAddress> addresses) implements Dns {

	PinnedDns {
		host = bare(host);
		addresses = List.copyOf(addresses);
	}

	@Override
	public List<InetAddress> lookup(String hostname) throws UnknownHostException {
		if (!bare(hostname).equals(this.host)) {
			throw new UnknownHostException(hostname + " was not checked by Reelay's destination guard");
		}
		return this.addresses;
	}

	private static String bare(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
