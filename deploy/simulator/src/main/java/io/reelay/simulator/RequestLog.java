package io.reelay.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last requests each provider received, oldest first, a bounded number of them, and
 * how many arrived in all.
 */
public final class RequestLog {

	public static final int KEPT_PER_PROVIDER = 1000;

	private final Map<String, Deque<ReceivedRequest>> byProvider = new ConcurrentHashMap<>();

	private final LongAdder received = new LongAdder();

	void record(ReceivedRequest request) {
		this.received.increment();
		Deque<ReceivedRequest> requests = this.byProvider.computeIfAbsent(request.provider(),
				(provider) -> new ArrayDeque<>());
		synchronized (requests) {
			if (requests.size() == KEPT_PER_PROVIDER) {
				requests.removeFirst();
			}
			requests.addLast(request);
		}
	}

	/** What a provider's API and file URLs received, oldest first. */
	public List<ReceivedRequest> of(String provider) {
		Deque<ReceivedRequest> requests = this.byProvider.get(provider);
		if (requests == null) {
			return List.of();
		}
		synchronized (requests) {
			return List.copyOf(requests);
		}
	}

	/**
	 * Every request received since the start, of every provider, kept or not: a
	 * benchmark's count of HTTP calls.
	 */
	public long total() {
		return this.received.sum();
	}

	public void clear() {
		this.byProvider.clear();
	}

}
