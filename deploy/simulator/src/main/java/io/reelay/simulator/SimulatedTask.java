package io.reelay.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * A job the simulator accepted. Its state follows from the time elapsed since creation,
 * so the simulator keeps no timers: the first fifth of the generation time it is queued,
 * then running, then done.
 */
public record SimulatedTask(String id, String provider, String model, String prompt, Scenario scenario,
		Instant createdAt, Duration generationTime) {

	public enum State {

		QUEUED, RUNNING, SUCCEEDED, FAILED

	}

	public State stateAt(Instant now) {
		Duration elapsed = Duration.between(this.createdAt, now);
		if (this.scenario == Scenario.STUCK || elapsed.compareTo(this.generationTime) < 0) {
			return (elapsed.compareTo(this.generationTime.dividedBy(5)) < 0) ? State.QUEUED : State.RUNNING;
		}
		return (this.scenario == Scenario.FAIL || this.scenario == Scenario.CONTENT_POLICY) ? State.FAILED
				: State.SUCCEEDED;
	}

	/** 0 to 99 while running, 100 when done. */
	public int progressAt(Instant now) {
		if (this.generationTime.isZero()) {
			return 100;
		}
		long percent = Duration.between(this.createdAt, now).toMillis() * 100 / this.generationTime.toMillis();
		return (int) Math.max(0, Math.min((stateAt(now) == State.SUCCEEDED) ? 100 : 99, percent));
	}

	/**
	 * When the job ends (or ended); meaningless for a job that never ends
	 * ({@link Scenario#STUCK}).
	 */
	public Instant finishedAt() {
		return this.createdAt.plus(this.generationTime);
	}

	/** Seeds the generated picture, so each task has its own bytes. */
	public long videoSeed() {
		return this.id.hashCode();
	}

}
