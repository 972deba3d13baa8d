package io.reelay.poller;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.event.VideoSubmitted;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.metrics.ReelayMeters;
import io.reelay.metrics.StageMetrics;

import org.springframework.stereotype.Component;

/**
 * The jobs this instance follows, as far as it knows, for the jobs-in-flight gauge: a job
 * is known from the first of its records the instance takes up ({@code video.submitted}
 * or a pending poll) until the ledger says it ended, or its partition moves to another
 * instance. A job whose next check waits in a delay topic is known once that check comes
 * due, so a newly started instance under-counts for a while.
 */
@Component
class FollowedJobs {

	private final Map<String, String> providerByRequest = new ConcurrentHashMap<>();

	private final Set<String> gauged = ConcurrentHashMap.newKeySet();

	private final RequestLedger ledger;

	private final StageMetrics metrics;

	FollowedJobs(RequestLedger pollerLedger, StageMetrics metrics) {
		this.ledger = pollerLedger;
		this.metrics = metrics;
	}

	/** A record of the job was taken up: the job is followed here. */
	void following(VideoSubmitted job) {
		String provider = ReelayMeters.provider(job.provider());
		this.providerByRequest.put(job.requestId(), provider);
		if (this.gauged.add(provider)) {
			this.metrics.jobsInFlight(provider, () -> count(provider));
		}
	}

	/**
	 * The jobs of {@code provider} still followed here; forgets, on the way, those that
	 * ended or went to another instance.
	 */
	int count(String provider) {
		this.providerByRequest.keySet().removeIf(this::notFollowed);
		return (int) this.providerByRequest.values().stream().filter(provider::equals).count();
	}

	private boolean notFollowed(String requestId) {
		return !this.ledger.holds(requestId)
				|| this.ledger.find(requestId).map(LedgerEntry::state).map((state) -> state.isFinal()).orElse(false);
	}

}
