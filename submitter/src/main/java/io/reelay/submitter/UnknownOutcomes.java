package io.reelay.submitter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.reelay.event.ProviderError;
import io.reelay.event.ReelayException;
import io.reelay.ledger.LedgerEntry;
import io.reelay.provider.ListedJob;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.registry.ProviderRegistry;

/**
 * Decides what to do with a create call whose outcome was never recorded, by asking the
 * provider's list API which jobs the account created around the call. An empty list is
 * proof that nothing was created, so the request can be submitted; anything else (no list
 * API, or jobs that may be this request's) cannot tell, because no provider lists a field
 * that names the request.
 */
class UnknownOutcomes {

	/** How far the provider's clock may be from Reelay's. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

	/**
	 * Beyond the end of a call (its answer, or the request timeout), for a job the
	 * provider was still registering.
	 */
	static final Duration SETTLE = Duration.ofSeconds(5);

	private final ProviderRegistry providers;

	/**
	 * Calls this instance saw end without a usable answer: they are surely not on their
	 * way any more.
	 */
	private final Map<String, EndedCall> endedCalls = new ConcurrentHashMap<>();

	UnknownOutcomes(ProviderRegistry providers) {
		this.providers = providers;
	}

	/** A call of this instance ended without an answer that says what it did. */
	void callEnded(LedgerEntry calling, ReelayException answer, Instant at) {
		this.endedCalls.put(calling.requestId(), new EndedCall(at, answer));
	}

	private record EndedCall(Instant at, ReelayException answer) {
	}

	/**
	 * Either proof that nothing was created, or why it cannot be told.
	 *
	 * @param providerError what the provider answered to the call, when this instance saw
	 * it answer
	 */
	record Verdict(boolean notCreated, String why, ProviderError providerError) {
	}

	/** How long until a call started at the entry's time surely reached the provider. */
	Duration waitBeforeChecking(VideoProvider provider, LedgerEntry calling, Instant now) {
		Duration wait = Duration.between(now, settledAt(provider, calling));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	private Instant settledAt(VideoProvider provider, LedgerEntry calling) {
		EndedCall ended = this.endedCalls.get(calling.requestId());
		Instant latestEnd = (ended != null) ? ended.at()
				: calling.callStartedAt().plus(this.providers.requestTimeout(provider.name()));
		return latestEnd.plus(SETTLE);
	}

	/**
	 * @param attempt the attempt at the request's record, whose provider time the list
	 * call is part of
	 * @throws OutcomeNotYetKnown while the call may still reach the provider
	 */
	Verdict check(VideoProvider provider, LedgerEntry calling, Instant now, Attempt attempt) {
		Instant settled = settledAt(provider, calling);
		if (now.isBefore(settled)) {
			throw new OutcomeNotYetKnown(
					"the create call to " + provider.name() + " started at " + calling.callStartedAt()
							+ " may still be on its way; checking after " + settled,
					Duration.between(now, settled), null);
		}
		Instant from = calling.callStartedAt().minus(CLOCK_SKEW);
		Instant to = settled.plus(CLOCK_SKEW);
		EndedCall ended = this.endedCalls.remove(calling.requestId());
		String answered = (ended != null) ? "the call was answered: " + ended.answer().getMessage() + "; " : "";
		ProviderError error = (ended != null) ? ended.answer().providerError() : null;
		Optional<List<ListedJob>> listed;
		try {
			listed = attempt.callProvider(() -> provider.jobsCreatedBetween(from, to));
		}
		catch (ReelayException ex) {
			if (ex.retryable()) {
				throw ex;
			}
			return new Verdict(false,
					answered + "listing " + provider.name() + "'s jobs to check failed: " + ex.getMessage(), error);
		}
		if (listed.isEmpty()) {
			return new Verdict(false, answered + provider.name() + " has no list API to check with", error);
		}
		if (listed.get().isEmpty()) {
			return new Verdict(true,
					answered + provider.name() + " lists no job created between " + from + " and " + to, error);
		}
		String ids = listed.get().stream().limit(5).map(ListedJob::id).collect(Collectors.joining(", "));
		return new Verdict(false,
				answered + provider.name() + " lists " + listed.get().size() + " job(s) created between " + from
						+ " and " + to + " (" + ids + ((listed.get().size() > 5) ? ", ..." : "")
						+ "); one of them may be this request's",
				error);
	}

}
