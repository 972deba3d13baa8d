package io.reelay.poller.schedule;

import java.time.Duration;

/**
 * What is known about one job when its next status check is planned.
 *
 * @param elapsed the time since the job was submitted to the provider
 * @param checksDone the status checks already made; 0 when planning the first
 * @param progressPercent the progress the provider reported at the latest check, 0 to
 * 100, or {@code null} when it reports none
 * @param previousProgressPercent the progress reported at the check before the latest, or
 * {@code null}
 * @param providerHint the provider's own "ask again after" (such as
 * {@code openai-poll-after-ms}), or {@code null}
 */
public record JobProgress(Duration elapsed, int checksDone, Integer progressPercent, Integer previousProgressPercent,
		Duration providerHint) {

	public JobProgress {
		if (elapsed == null || elapsed.isNegative()) {
			throw new IllegalArgumentException("elapsed must be zero or positive, was " + elapsed);
		}
		if (checksDone < 0) {
			throw new IllegalArgumentException("checksDone must be zero or positive, was " + checksDone);
		}
		percent("progressPercent", progressPercent);
		percent("previousProgressPercent", previousProgressPercent);
		if (providerHint != null && providerHint.isNegative()) {
			throw new IllegalArgumentException("providerHint must be zero or positive, was " + providerHint);
		}
	}

	/** A job about to be checked for the first time. */
	public static JobProgress beforeFirstCheck(Duration elapsed) {
		return new JobProgress(elapsed, 0, null, null, null);
	}

	/**
	 * Whether the latest progress says something about the end: it is under way, not
	 * done, and moved since the check before. A progress that stands still says nothing,
	 * because coarse providers report the same value for a long time.
	 */
	boolean advances() {
		return this.progressPercent != null && this.progressPercent > 0 && this.progressPercent < 100
				&& (this.previousProgressPercent == null || this.progressPercent > this.previousProgressPercent);
	}

	private static void percent(String name, Integer value) {
		if (value != null && (value < 0 || value > 100)) {
			throw new IllegalArgumentException(name + " must be between 0 and 100, was " + value);
		}
	}

}
