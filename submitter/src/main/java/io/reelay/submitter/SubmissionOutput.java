package io.reelay.submitter;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.ledger.RequestLedger;
import io.reelay.metrics.StageMetrics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends an {@link Outcome} in the Kafka transaction of the record being handled, which
 * also commits the record's offset. Until that transaction commits, the outcome is kept
 * here: if it rolls back, the record comes again and gets the very same outcome, so a
 * created job is never forgotten and never created again.
 */
class SubmissionOutput {

	private final KafkaTemplate<String, Object> transactional;

	private final RequestLedger ledger;

	private final StageMetrics metrics;

	private final Map<String, Outcome> uncommitted = new ConcurrentHashMap<>();

	SubmissionOutput(KafkaTemplate<String, Object> transactional, RequestLedger ledger, StageMetrics metrics) {
		this.transactional = transactional;
		this.ledger = ledger;
		this.metrics = metrics;
	}

	/** The outcome decided for a request whose transaction did not commit. */
	Optional<Outcome> uncommitted(String requestId) {
		return Optional.ofNullable(this.uncommitted.get(requestId));
	}

	void send(String requestId, Outcome outcome) {
		if (requestId != null) {
			this.uncommitted.put(requestId, outcome);
		}
		outcome.records().forEach(this.transactional::send);
		if (outcome.entry() != null) {
			this.transactional.send(this.ledger.recordOf(outcome.entry()));
		}
		afterCommit(() -> {
			if (outcome.entry() != null) {
				this.ledger.remember(outcome.entry());
			}
			if (requestId != null) {
				this.uncommitted.remove(requestId, outcome);
			}
			// counted once, when it stands: a rolled-back outcome comes again
			this.metrics.published(outcome.records());
			SubmissionCounts.count(outcome, this.metrics);
		});
	}

	/**
	 * The record being handled is a request for {@code provider} (null when unreadable):
	 * counted when its transaction commits, so a record tried again counts once.
	 */
	void tookUp(String provider) {
		afterCommit(() -> this.metrics.tookUp(provider));
	}

	private static void afterCommit(Runnable action) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("the submitter sends its outcomes only in a Kafka transaction");
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

}
