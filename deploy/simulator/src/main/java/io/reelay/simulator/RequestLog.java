package io.reelay.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The last requests each provider received, oldest first, a bounded number of them. */
public final class RequestLog {

	public static final int KEPT_PER_PROVIDER = 1000;

	private final Map<String, Deque<ReceivedRequest>> byProvider = new ConcurrentHashMap<>();

	void record(ReceivedRequest request) {
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

	public void clear() {
		this.byProvider.clear();
	}

}
