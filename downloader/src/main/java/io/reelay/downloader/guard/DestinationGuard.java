package io.reelay.downloader.guard;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import okhttp3.HttpUrl;

/**
 * Decides whether Reelay may connect to a URL. Download URLs come from providers, and a
 * hostile provider or a forged {@code video.completed} record must not lead Reelay into
 * its own network: only http and https, no credentials in the URL, and every address the
 * host stands for must be public, unless the destination is on the allowlist.
 *
 * <p>
 * The host is read the way OkHttp reads it, because OkHttp is what connects. Addresses
 * are judged after resolving, never by spelling: {@code 127.1}, {@code 0x7f000001} and
 * {@code [::ffff:127.0.0.1]} are all 127.0.0.1. Connect to
 * {@link CheckedDestination#addresses()} only, so DNS cannot answer differently later.
 */
public final class DestinationGuard {

	private static final String INTERNAL = "; Reelay does not connect to internal addresses "
			+ "(reelay.downloader.allowed-hosts lists exceptions)";

	/** Cloud metadata services and names that only ever mean this machine. */
	private static final Set<String> INTERNAL_NAMES = Set.of("localhost", "metadata", "metadata.goog",
			"metadata.google.internal", "metadata.azure.internal", "instance-data", "instance-data.ec2.internal");

	/** .internal is reserved for private use (ICANN, 2024); .localhost by RFC 6761. */
	private static final List<String> INTERNAL_SUFFIXES = List.of(".localhost", ".internal");

	private final AllowedHosts allowed;

	private final Resolver resolver;

	/**
	 * @param allowedHosts {@code host} or {@code host:port} entries ({@code [::1]:8080}
	 * for IPv6) that may be internal
	 */
	public DestinationGuard(Collection<String> allowedHosts) {
		this(allowedHosts, InetAddress::getAllByName);
	}

	/**
	 * @param resolver looks up host names; tests give canned answers
	 */
	public DestinationGuard(Collection<String> allowedHosts, Resolver resolver) {
		this.allowed = AllowedHosts.of(allowedHosts);
		this.resolver = Objects.requireNonNull(resolver, "resolver");
	}

	/**
	 * The URL with the addresses to connect to.
	 * @throws UnsafeDestinationException when Reelay must not connect there
	 * @throws UnknownHostException when the host name does not resolve; that may pass, so
	 * it is not an unsafe URL
	 */
	public CheckedDestination check(URI uri) throws UnknownHostException {
		HttpUrl url = Urls.readable(uri);
		String where = Urls.origin(url);
		String host = AllowedHosts.bare(url.host());
		boolean allowlisted = this.allowed.contains(url.host(), url.port());
		if (!allowlisted && isInternalName(host)) {
			throw new UnsafeDestinationException(
					"the download URL " + where + " names " + host + ", a host that is always internal" + INTERNAL);
		}
		List<InetAddress> addresses = addressesOf(host, where);
		if (!allowlisted) {
			refuseInternal(addresses, where);
		}
		if (addresses.size() > 1 && NumericHosts.isNumeric(host)) {
			refuseInternal(addresses, where);
			throw new UnsafeDestinationException(
					"the download URL " + where + " writes its address in a form resolvers read differently ("
							+ texts(addresses) + "); Reelay only connects where the address is unambiguous");
		}
		return new CheckedDestination(uri, addresses);
	}

	private List<InetAddress> addressesOf(String host, String where) throws UnknownHostException {
		if (host.contains(":")) {
			// an IPv6 literal (HttpUrl checked it): parsed, never looked up
			return List.of(InetAddress.getByName(host));
		}
		if (NumericHosts.isNumeric(host)) {
			Set<? extends InetAddress> readings = NumericHosts.readings(host);
			if (readings.isEmpty()) {
				throw new UnsafeDestinationException("the download URL " + where
						+ " has a numeric host that is not an IPv4 address; Reelay cannot tell where it leads");
			}
			return List.copyOf(readings);
		}
		InetAddress[] answers = this.resolver.resolve(host);
		if (answers == null || answers.length == 0) {
			throw new UnknownHostException(host + " resolves to no address");
		}
		return List.copyOf(new LinkedHashSet<>(List.of(answers)));
	}

	private static void refuseInternal(List<InetAddress> addresses, String where) {
		for (InetAddress address : addresses) {
			String reason = AddressRules.refusalReason(address);
			if (reason != null) {
				throw new UnsafeDestinationException("the download URL " + where + " leads to "
						+ address.getHostAddress() + ", " + reason + INTERNAL);
			}
		}
	}

	private static boolean isInternalName(String host) {
		if (INTERNAL_NAMES.contains(host)) {
			return true;
		}
		for (String suffix : INTERNAL_SUFFIXES) {
			if (host.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	private static String texts(List<InetAddress> addresses) {
		return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(" or "));
	}

	/** Looks a host name up, as {@link InetAddress#getAllByName(String)} does. */
	@FunctionalInterface
	public interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
