package io.reelay.downloader.guard;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import okhttp3.HttpUrl;

/**
 * A URL the guard let through, with the addresses it checked. Connect to these addresses
 * only: resolving the host again could give another answer.
 *
 * @param uri the URL as checked
 * @param addresses what its host stands for, never empty
 */
public record CheckedDestination(URI uri, List<InetAddress> addresses) {

	public CheckedDestination {
		Objects.requireNonNull(uri, "uri");
		addresses = List.copyOf(addresses);
		if (addresses.isEmpty()) {
			throw new IllegalArgumentException("a checked destination has at least one address");
		}
	}

	/**
	 * {@code scheme://host:port}, safe for messages and logs: signed URLs carry secrets
	 * in their query and user info.
	 */
	public String origin() {
		return Urls.origin(HttpUrl.get(this.uri.toString()));
	}

}
