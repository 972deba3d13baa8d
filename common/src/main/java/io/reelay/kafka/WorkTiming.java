package io.reelay.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * When a stage took up the step that led to a record it publishes, and how much of the
 * step was spent waiting for the provider. Carried in two headers so that Reelay's own
 * overhead (the step's time less the provider's) can be measured from the records alone:
 * {@code reelay bench pipeline} does. Times are in microseconds, as decimal text.
 *
 * @param startedAt when the stage took the input record in hand, or, for a planned status
 * check, when the check was due (its lateness is the stage's overhead too)
 * @param providerTime the time spent in the provider's HTTP calls of the step
 */
public record WorkTiming(Instant startedAt, Duration providerTime) {

	/** Epoch microseconds when the step began. */
	public static final String STARTED_AT = "reelay-work-started-us";

	/** Microseconds of the step spent in the provider's calls. */
	public static final String PROVIDER_TIME = "reelay-provider-us";

	public WorkTiming {
		if (startedAt == null) {
			throw new IllegalArgumentException("startedAt is required");
		}
		if (providerTime == null || providerTime.isNegative()) {
			providerTime = Duration.ZERO;
		}
	}

	/** A step that made no provider call. */
	public static WorkTiming startedAt(Instant startedAt) {
		return new WorkTiming(startedAt, Duration.ZERO);
	}

	public WorkTiming plusProviderTime(Duration more) {
		return new WorkTiming(this.startedAt, this.providerTime.plus(more));
	}

	/** Writes both headers, replacing any a record copied from its input. */
	public void writeTo(Headers headers) {
		long startedMicros = ChronoUnit.MICROS.between(Instant.EPOCH, this.startedAt);
		long providerMicros = this.providerTime.toNanos() / 1000;
		headers.remove(STARTED_AT);
		headers.remove(PROVIDER_TIME);
		headers.add(STARTED_AT, Long.toString(startedMicros).getBytes(StandardCharsets.UTF_8));
		headers.add(PROVIDER_TIME, Long.toString(providerMicros).getBytes(StandardCharsets.UTF_8));
	}

	/** The timing a record carries; empty when it has none or it cannot be read. */
	public static Optional<WorkTiming> readFrom(Headers headers) {
		Header started = headers.lastHeader(STARTED_AT);
		Header provider = headers.lastHeader(PROVIDER_TIME);
		if (started == null || provider == null) {
			return Optional.empty();
		}
		try {
			long startedMicros = Long.parseLong(new String(started.value(), StandardCharsets.UTF_8));
			long providerMicros = Long.parseLong(new String(provider.value(), StandardCharsets.UTF_8));
			return Optional.of(new WorkTiming(Instant.EPOCH.plus(startedMicros, ChronoUnit.MICROS),
					Duration.ofNanos(providerMicros * 1000)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
