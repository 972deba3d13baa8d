package io.reelay.simulator.fault;

import java.time.Duration;
import java.util.Objects;

/**
 * One switchable fault: which calls it hits and what they get instead of the normal
 * answer.
 *
 * @param provider the provider key ({@code minimax}, ...), or {@code *} for all
 * @param operation the kind of call
 * @param fault what goes wrong
 * @param times how many matching calls (or created jobs) get the fault before the rule is
 * spent; 0 for always
 * @param promptContains only calls about a prompt containing this text (for status and
 * download calls, the prompt of their job); {@code null} for all
 * @param status the HTTP status for {@code RATE_LIMIT} and {@code SERVER_ERROR}; 0 for
 * the provider's usual one
 * @param delay how long {@code SLOW} waits; {@code null} for {@link #DEFAULT_DELAY}
 * @param retryAfterSeconds the {@code Retry-After} of {@code RATE_LIMIT}; 0 for 1 second
 */
public record FaultRule(String provider, Operation operation, Fault fault, int times, String promptContains, int status,
		Duration delay, int retryAfterSeconds) {

	public static final String ANY_PROVIDER = "*";

	public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

	public FaultRule {
		provider = (provider == null || provider.isBlank()) ? ANY_PROVIDER : provider;
		Objects.requireNonNull(operation, "operation");
		Objects.requireNonNull(fault, "fault");
		if (!fault.appliesTo(operation)) {
			throw new IllegalArgumentException(fault + " does not apply to " + operation);
		}
		if (times < 0) {
			throw new IllegalArgumentException("times must not be negative, got " + times);
		}
		if (status != 0 && (status < 200 || status > 599)) {
			throw new IllegalArgumentException("status must be an HTTP status from 200 to 599, got " + status);
		}
		if (delay != null && delay.isNegative()) {
			throw new IllegalArgumentException("delay must not be negative, got " + delay);
		}
		if (retryAfterSeconds < 0) {
			throw new IllegalArgumentException("retryAfterSeconds must not be negative, got " + retryAfterSeconds);
		}
	}

	public FaultRule(String provider, Operation operation, Fault fault, int times, String promptContains) {
		this(provider, operation, fault, times, promptContains, 0, null, 0);
	}

	/** A rule that hits every matching call until it is removed. */
	public static FaultRule on(String provider, Operation operation, Fault fault) {
		return new FaultRule(provider, operation, fault, 0, null);
	}

	public FaultRule withTimes(int times) {
		return new FaultRule(this.provider, this.operation, this.fault, times, this.promptContains, this.status,
				this.delay, this.retryAfterSeconds);
	}

	public FaultRule withPromptContaining(String text) {
		return new FaultRule(this.provider, this.operation, this.fault, this.times, text, this.status, this.delay,
				this.retryAfterSeconds);
	}

	public FaultRule withStatus(int status) {
		return new FaultRule(this.provider, this.operation, this.fault, this.times, this.promptContains, status,
				this.delay, this.retryAfterSeconds);
	}

	public FaultRule withDelay(Duration delay) {
		return new FaultRule(this.provider, this.operation, this.fault, this.times, this.promptContains, this.status,
				delay, this.retryAfterSeconds);
	}

	public FaultRule withRetryAfterSeconds(int seconds) {
		return new FaultRule(this.provider, this.operation, this.fault, this.times, this.promptContains, this.status,
				this.delay, seconds);
	}

	public boolean matches(String provider, Operation operation, String prompt) {
		return (ANY_PROVIDER.equals(this.provider) || this.provider.equals(provider)) && this.operation == operation
				&& (this.promptContains == null || (prompt != null && prompt.contains(this.promptContains)));
	}

	public int statusOr(int usual) {
		return (this.status != 0) ? this.status : usual;
	}

	public Duration delayOrDefault() {
		return (this.delay != null) ? this.delay : DEFAULT_DELAY;
	}

	public int retryAfterSecondsOrDefault() {
		return (this.retryAfterSeconds != 0) ? this.retryAfterSeconds : 1;
	}

}
