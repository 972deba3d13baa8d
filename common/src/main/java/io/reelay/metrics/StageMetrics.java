package io.reelay.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.reelay.event.PipelineEvent;
import io.reelay.event.Stage;
import io.reelay.event.Usage;
import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.event.VideoSubmitted;
import io.reelay.kafka.WorkTiming;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Reelay's meters as one stage records them, tagged with the stage. What a stage
 * publishes is counted by {@link #published} once its transaction committed, so a record
 * handled again after a rollback, or dropped as a copy, counts once.
 */
public final class StageMetrics implements ProviderCallRecorder {

	/** Shortest and longest values the latency histograms tell apart. */
	private static final Duration FASTEST = Duration.ofMillis(1);

	private static final Duration SLOWEST = Duration.ofMinutes(10);

	private final MeterRegistry registry;

	private final String stage;

	private final Clock clock;

	private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

	public StageMetrics(MeterRegistry registry, Stage stage, Clock clock) {
		this.registry = registry;
		this.stage = ReelayMeters.stage(stage);
		this.clock = clock;
	}

	/**
	 * A record taken up for work, for a request to {@code provider} (null if unknown).
	 */
	public void tookUp(String provider) {
		Counter.builder(ReelayMeters.REQUESTS)
			.description("Records a stage took up for work")
			.tag(ReelayMeters.STAGE, this.stage)
			.tag(ReelayMeters.PROVIDER, ReelayMeters.provider(provider))
			.register(this.registry)
			.increment();
	}

	/** How a create call to {@code provider} ended, once that outcome is committed. */
	public void submission(String provider, SubmissionOutcome outcome) {
		Counter.builder(ReelayMeters.SUBMISSIONS)
			.description("Create calls to providers, by outcome")
			.tag(ReelayMeters.PROVIDER, ReelayMeters.provider(provider))
			.tag(ReelayMeters.OUTCOME, outcome.tag())
			.register(this.registry)
			.increment();
	}

	@Override
	public void providerCall(String provider, ProviderCall call, String status, Duration time) {
		String tag = ReelayMeters.provider(provider);
		Counter.builder(ReelayMeters.PROVIDER_CALLS)
			.description("HTTP calls to providers, by what they were for and how they were answered")
			.tag(ReelayMeters.STAGE, this.stage)
			.tag(ReelayMeters.PROVIDER, tag)
			.tag(ReelayMeters.CALL, call.tag())
			.tag(ReelayMeters.STATUS, status)
			.register(this.registry)
			.increment();
		latency(ReelayMeters.PROVIDER_LATENCY, "Time to a provider's answer").tag(ReelayMeters.PROVIDER, tag)
			.tag(ReelayMeters.CALL, call.tag())
			.register(this.registry)
			.record(time);
	}

	/**
	 * Counts what a transaction of the stage published, once it committed: failures,
	 * stored videos, their cost, and the stage's own time for each event that carries a
	 * {@link WorkTiming}. Records other than events (dead letters, ledger entries,
	 * pending polls) count for nothing.
	 */
	public void published(Collection<? extends ProducerRecord<?, ?>> records) {
		for (ProducerRecord<?, ?> record : records) {
			if (record.value() instanceof PipelineEvent event) {
				published(event, record);
			}
		}
	}

	private void published(PipelineEvent event, ProducerRecord<?, ?> record) {
		String provider = ReelayMeters.provider(providerOf(event));
		if (event instanceof VideoFailed failed) {
			Counter.builder(ReelayMeters.FAILURES)
				.description("Requests a stage failed (video.failed), by failure code")
				.tag(ReelayMeters.STAGE, this.stage)
				.tag(ReelayMeters.PROVIDER, provider)
				.tag(ReelayMeters.CODE, (failed.code() != null) ? failed.code().name() : ReelayMeters.UNKNOWN)
				.register(this.registry)
				.increment();
			cost(provider, failed.usage());
		}
		else if (event instanceof VideoStored stored) {
			counter(ReelayMeters.STORED, "Videos stored", provider).increment();
			counter(ReelayMeters.STORED_BYTES, "Bytes of the videos stored", provider).increment(stored.size());
			cost(provider, stored.usage());
		}
		WorkTiming.readFrom(record.headers()).ifPresent((timing) -> {
			Duration own = Duration.between(timing.startedAt(), this.clock.instant()).minus(timing.providerTime());
			latency(ReelayMeters.STAGE_LATENCY, "A stage's own time for one record, provider calls excluded")
				.tag(ReelayMeters.PROVIDER, provider)
				.register(this.registry)
				.record(own.isNegative() ? Duration.ZERO : own);
		});
	}

	/**
	 * The work a stage holds for {@code provider} right now, as a number the stage moves
	 * up and down.
	 */
	public AtomicInteger jobsInFlight(String provider) {
		return this.inFlight.computeIfAbsent(ReelayMeters.provider(provider), (tag) -> {
			AtomicInteger count = new AtomicInteger();
			inFlightGauge(tag, count::get);
			return count;
		});
	}

	/**
	 * The work a stage holds for {@code provider} right now, as something the stage
	 * computes when the gauge is read; registered once per provider.
	 */
	public void jobsInFlight(String provider, Supplier<Number> count) {
		inFlightGauge(ReelayMeters.provider(provider), count);
	}

	private void inFlightGauge(String provider, Supplier<Number> count) {
		Gauge.builder(ReelayMeters.JOBS_IN_FLIGHT, count)
			.description("Work a stage holds right now")
			.tag(ReelayMeters.STAGE, this.stage)
			.tag(ReelayMeters.PROVIDER, provider)
			.strongReference(true)
			.register(this.registry);
	}

	/** Credits net of refunds, dollars and video seconds, where the usage says. */
	private void cost(String provider, Usage usage) {
		if (usage == null) {
			return;
		}
		if (usage.credits() != null) {
			double refunded = (usage.creditsRefunded() != null) ? usage.creditsRefunded() : 0;
			double net = usage.credits() - refunded;
			if (net > 0) {
				counter(ReelayMeters.COST_CREDITS, "Provider credits spent, net of refunds", provider).increment(net);
			}
		}
		if (usage.costUsd() != null && usage.costUsd() > 0) {
			counter(ReelayMeters.COST_USD, "US dollars spent", provider).increment(usage.costUsd());
		}
		if (usage.videoSeconds() != null && usage.videoSeconds() > 0) {
			counter(ReelayMeters.VIDEO_SECONDS, "Seconds of video billed", provider).increment(usage.videoSeconds());
		}
	}

	private Counter counter(String name, String description, String provider) {
		return Counter.builder(name)
			.description(description)
			.tag(ReelayMeters.PROVIDER, provider)
			.register(this.registry);
	}

	private Timer.Builder latency(String name, String description) {
		return Timer.builder(name)
			.description(description)
			.tag(ReelayMeters.STAGE, this.stage)
			.publishPercentileHistogram()
			.minimumExpectedValue(FASTEST)
			.maximumExpectedValue(SLOWEST);
	}

	private static String providerOf(PipelineEvent event) {
		if (event instanceof VideoRequested requested) {
			return requested.provider();
		}
		if (event instanceof VideoSubmitted submitted) {
			return submitted.provider();
		}
		if (event instanceof VideoCompleted completed) {
			return completed.provider();
		}
		if (event instanceof VideoStored stored) {
			return stored.provider();
		}
		return ((VideoFailed) event).provider();
	}

}
