package io.reelay.downloader.guard;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Canned DNS for {@link DestinationGuard}: each name gets a series of answers (the last
 * repeats), unknown names do not resolve, and every lookup is counted.
 */
public final class StubResolver implements DestinationGuard.Resolver {

	private final Map<String, List<InetAddress[]>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

	/** Answers with these IP literals, every time. */
	public StubResolver answer(String host, String... literals) {
		return answer(host, addresses(literals));
	}

	public StubResolver answer(String host, InetAddress... addresses) {
		this.answers.computeIfAbsent(host, (name) -> new ArrayList<>()).add(addresses);
		return this;
	}

	/**
	 * Answers with {@code first} once, then with {@code later}: a rebinding DNS server.
	 */
	public StubResolver rebind(String host, String first, String later) {
		return answer(host, first).answer(host, later);
	}

	/** How often the host was looked up. */
	public int lookups(String host) {
		AtomicInteger count = this.lookups.get(host);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		int lookup = this.lookups.computeIfAbsent(host, (name) -> new AtomicInteger()).getAndIncrement();
		List<InetAddress[]> series = this.answers.get(host);
		if (series == null) {
			throw new UnknownHostException(host + ": no such name in the test's DNS");
		}
		return series.get(Math.min(lookup, series.size() - 1)).clone();
	}

	private static InetAddress[] addresses(String... literals) {
		InetAddress[] addresses = new InetAddress[literals.length];
		for (int i = 0; i < literals.length; i++) {
			try {
				addresses[i] = InetAddress.getByName(literals[i]);
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(literals[i] + " is not an IP literal", ex);
			}
		}
		return addresses;
	}

}
