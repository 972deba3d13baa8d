package io.reelay.cli.bench.pipeline;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import io.reelay.cli.bench.Text;

/**
 * Publishes a phase's requests and waits until every one has ended: as fast as the
 * pipeline drains them (a bounded number in flight), or evenly at a set rate.
 */
final class LoadRuns {

	/** Giving up when no request ends for this long. */
	private static final Duration STALLED = Duration.ofSeconds(90);

	private final PipelineRequests requests;

	private final PipelineWatch watch;

	private final PrintWriter out;

	LoadRuns(PipelineRequests requests, PipelineWatch watch, PrintWriter out) {
		this.requests = requests;
		this.watch = watch;
		this.out = out;
	}

	/**
	 * Saturation: keeps up to {@code inFlight} requests published but not ended, until
	 * {@code jobs} were published, then waits for the rest.
	 */
	Phase saturate(String phase, int jobs, int inFlight) throws InterruptedException {
		int endedBefore = this.watch.ended();
		long start = System.nanoTime();
		Progress progress = new Progress(phase, jobs, endedBefore);
		for (int number = 0; number < jobs; number++) {
			while (number - (this.watch.ended() - endedBefore) >= inFlight) {
				awaitEnded(endedBefore + number - inFlight + 1, progress);
			}
			publish(phase, number);
			progress.maybePrint();
		}
		awaitEnded(endedBefore + jobs, progress);
		return phase(phase, jobs, start);
	}

	/** Half load and the like: one request every {@code 1/rate} seconds. */
	Phase paced(String phase, int jobs, double perSecond) throws InterruptedException {
		int endedBefore = this.watch.ended();
		long start = System.nanoTime();
		Progress progress = new Progress(phase, jobs, endedBefore);
		for (int number = 0; number < jobs; number++) {
			long due = start + (long) (number * 1e9 / perSecond);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			publish(phase, number);
			progress.maybePrint();
		}
		awaitEnded(endedBefore + jobs, progress);
		return phase(phase, jobs, start);
	}

	private void publish(String phase, int number) {
		this.watch.published(this.requests.idOf(phase, number));
		this.requests.publish(phase, number);
	}

	private void awaitEnded(int count, Progress progress) throws InterruptedException {
		int seen = this.watch.ended();
		long lastChange = System.nanoTime();
		while (!this.watch.awaitEnded(count, 1000)) {
			progress.maybePrint();
			int now = this.watch.ended();
			if (now != seen) {
				seen = now;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() - lastChange > STALLED.toNanos()) {
				throw new IllegalStateException(progress.phase + ": no request ended for " + STALLED.toSeconds()
						+ " s, with " + (count - now) + " still to end; see the services' logs");
			}
		}
	}

	private Phase phase(String phase, int jobs, long startNanos) {
		Map<String, JobTrace> byId = this.watch.jobs(this.requests.prefixOf(phase));
		Collection<JobTrace> traces = byId.values();
		long firstPublished = traces.stream().mapToLong((job) -> job.publishedAt).min().orElse(0);
		long lastEnded = traces.stream()
			.filter(JobTrace::ended)
			.mapToLong((job) -> job.terminal.visibleAt())
			.max()
			.orElse(firstPublished);
		Map<String, Integer> outcomes = new TreeMap<>();
		for (JobTrace job : traces) {
			outcomes.merge(job.ended() ? ((job.failure == null) ? "stored" : "failed " + job.failure) : "not ended", 1,
					Integer::sum);
		}
		Duration took = Duration.ofNanos((lastEnded - firstPublished) * 1000);
		this.out.println(Text.format("  %s: %,d requests ended in %s %s", phase, jobs, Text.seconds(took), outcomes));
		this.out.flush();
		return new Phase(phase, jobs, took, outcomes, byId);
	}

	/**
	 * One phase's requests: how long from the first published to the last ended, and how
	 * they ended.
	 */
	record Phase(String name, int jobs, Duration took, Map<String, Integer> outcomes, Map<String, JobTrace> byId) {

		Collection<JobTrace> traces() {
			return this.byId.values();
		}

		double jobsPerSecond() {
			return this.jobs / (this.took.toNanos() / 1e9);
		}

		int stored() {
			return this.outcomes.getOrDefault("stored", 0);
		}

	}

	/** A progress line every five seconds. */
	private final class Progress {

		private final String phase;

		private final int jobs;

		private final int endedBefore;

		private long next = System.nanoTime() + Duration.ofSeconds(5).toNanos();

		Progress(String phase, int jobs, int endedBefore) {
			this.phase = phase;
			this.jobs = jobs;
			this.endedBefore = endedBefore;
		}

		void maybePrint() {
			if (System.nanoTime() < this.next) {
				return;
			}
			this.next = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			LoadRuns.this.out.println(Text.format("    %s: %,d of %,d ended", this.phase,
					LoadRuns.this.watch.ended() - this.endedBefore, this.jobs));
			LoadRuns.this.out.flush();
		}

	}

}
