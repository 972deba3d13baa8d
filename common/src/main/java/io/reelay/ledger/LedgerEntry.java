package io.reelay.ledger;

import java.time.Instant;

/**
 * What one stage knows of one request: the value of its ledger record, keyed by request
 * id.
 *
 * @param requestId the request
 * @param state where it stands
 * @param provider the provider it was or is being sent to
 * @param model the model asked for
 * @param providerTaskId the provider's id of the job, once known
 * @param callStartedAt when the create call was started, for {@link RequestState#CALLING}
 * and after
 * @param recordedAt when this entry was written
 */
public record LedgerEntry(String requestId, RequestState state, String provider, String model, String providerTaskId,
		Instant callStartedAt, Instant recordedAt) {

	/** The same request in another state, recorded at {@code now}. */
	public LedgerEntry moveTo(RequestState next, String taskId, Instant now) {
		return new LedgerEntry(this.requestId, next, this.provider, this.model,
				(taskId != null) ? taskId : this.providerTaskId, this.callStartedAt, now);
	}

	/** A request a stage has finished with, without call details. */
	public static LedgerEntry finished(String requestId, RequestState state, String provider, String providerTaskId,
			Instant now) {
		return new LedgerEntry(requestId, state, provider, null, providerTaskId, null, now);
	}

}
