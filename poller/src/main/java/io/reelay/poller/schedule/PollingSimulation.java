package io.reelay.poller.schedule;

import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;

import static io.reelay.poller.schedule.CompletionTimes.duration;
import static io.reelay.poller.schedule.CompletionTimes.seconds;

/**
 * Polls simulated jobs on a virtual clock, to compare polling strategies on the same
 * jobs: how many status calls they make and how late they notice that a job is done.
 */
public final class PollingSimulation {

	/** The 99th percentile of the standard normal distribution. */
	private static final double Z99 = 2.3263478740408408;

	private PollingSimulation() {
	}

	public static Result run(Workload workload, Strategy strategy) {
		SplittableRandom random = new SplittableRandom(workload.seed());
		double median = seconds(workload.median());
		double sigma = Math.log(seconds(workload.p99()) / median) / Z99;
		double[] durations = new double[workload.jobs()];
		for (int job = 0; job < durations.length; job++) {
			durations[job] = median * Math.exp(sigma * random.nextGaussian());
		}
		return new VirtualPoller(workload, Planner.of(strategy, random.split()), durations).run();
	}

	/** Whether simulated jobs report their progress. */
	public enum Progress {

		/** No progress, as MiniMax or a provider that only says "processing". */
		NONE,

		/**
		 * {@code floor(100 * elapsed / duration)}, at most 99 while running, as the
		 * generic API of the simulator.
		 */
		LINEAR

	}

	/**
	 * Jobs whose durations are lognormal, one arriving every {@code arrivalInterval}, so
	 * that a learning strategy starts knowing nothing and learns as jobs complete.
	 */
	public record Workload(int jobs, Duration median, Duration p99, Duration arrivalInterval, Progress progress,
			long seed) {

		public Workload {
			if (jobs < 1) {
				throw new IllegalArgumentException("At least one job, was " + jobs);
			}
			if (median.isNegative() || median.isZero() || p99.compareTo(median) <= 0) {
				throw new IllegalArgumentException("Need 0 < median < p99, were " + median + " and " + p99);
			}
			if (arrivalInterval.isNegative()) {
				throw new IllegalArgumentException("arrivalInterval must not be negative, was " + arrivalInterval);
			}
		}

		/**
		 * Jobs arriving every 100 ms: about a thousand in flight at a median of a minute.
		 */
		public static Workload lognormal(int jobs, Duration median, Duration p99, Progress progress, long seed) {
			return new Workload(jobs, median, p99, Duration.ofMillis(100), progress, seed);
		}

	}

	/** How jobs are polled. */
	public sealed interface Strategy permits Learned, Fixed {

		/** {@link PollSchedule}, learning from each job it sees done. */
		static Strategy learned(ScheduleSettings settings) {
			return new Learned(settings);
		}

		/** A check every {@code interval} from submission on. */
		static Strategy fixed(Duration interval) {
			return new Fixed(interval);
		}

	}

	public record Learned(ScheduleSettings settings) implements Strategy {
	}

	public record Fixed(Duration interval) implements Strategy {

		public Fixed {
			if (interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("interval must be positive, was " + interval);
			}
		}

	}

	/**
	 * What polling the workload cost and how late it noticed.
	 *
	 * @param jobs the jobs polled, all of which were seen done
	 * @param meanCalls status calls per job, mean
	 * @param medianCalls status calls per job, median
	 * @param p50Delay the time from a job's completion to the check that saw it, median
	 * @param p95Delay that delay, 95th percentile
	 * @param p99Delay that delay, 99th percentile
	 */
	public record Result(int jobs, double meanCalls, double medianCalls, Duration p50Delay, Duration p95Delay,
			Duration p99Delay) {

		static Result of(int[] calls, double[] delays) {
			double[] sortedCalls = Arrays.stream(calls).asDoubleStream().sorted().toArray();
			double[] sortedDelays = delays.clone();
			Arrays.sort(sortedDelays);
			return new Result(calls.length, Arrays.stream(sortedCalls).average().orElse(0),
					percentile(sortedCalls, 0.5), duration(percentile(sortedDelays, 0.5)),
					duration(percentile(sortedDelays, 0.95)), duration(percentile(sortedDelays, 0.99)));
		}

		/** Nearest rank: the smallest value at least the share {@code p} is not above. */
		private static double percentile(double[] sorted, double p) {
			int rank = (int) Math.ceil(p * sorted.length);
			return sorted[Math.max(0, rank - 1)];
		}

	}

}
