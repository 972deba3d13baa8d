package io.reelay.poller.schedule;

import java.util.Comparator;
import java.util.PriorityQueue;

import io.reelay.poller.schedule.PollingSimulation.Progress;
import io.reelay.poller.schedule.PollingSimulation.Result;
import io.reelay.poller.schedule.PollingSimulation.Workload;

import static io.reelay.poller.schedule.CompletionTimes.duration;

/**
 * One run of {@link PollingSimulation}: arrivals and checks of all jobs in virtual time
 * order, so that what a planner learns from one job is used for the jobs after it.
 */
final class VirtualPoller {

	private final Workload workload;

	private final Planner planner;

	private final double[] durations;

	private final double[] submittedAt;

	private final double[] lastSeenRunning;

	private final Integer[] progress;

	private final Integer[] previousProgress;

	private final int[] calls;

	private final double[] delays;

	private final PriorityQueue<Event> events = new PriorityQueue<>(Comparator.comparingDouble(Event::at));

	VirtualPoller(Workload workload, Planner planner, double[] durations) {
		this.workload = workload;
		this.planner = planner;
		this.durations = durations;
		int jobs = durations.length;
		this.submittedAt = new double[jobs];
		this.lastSeenRunning = new double[jobs];
		this.progress = new Integer[jobs];
		this.previousProgress = new Integer[jobs];
		this.calls = new int[jobs];
		this.delays = new double[jobs];
	}

	Result run() {
		double interval = CompletionTimes.seconds(this.workload.arrivalInterval());
		for (int job = 0; job < this.durations.length; job++) {
			this.submittedAt[job] = job * interval;
			this.events.add(new Event(this.submittedAt[job], job, true));
		}
		while (!this.events.isEmpty()) {
			Event event = this.events.poll();
			if (event.arrival()) {
				plan(event.job(), 0);
			}
			else {
				check(event.job(), event.at() - this.submittedAt[event.job()]);
			}
		}
		return Result.of(this.calls, this.delays);
	}

	private void check(int job, double elapsed) {
		this.calls[job]++;
		if (elapsed >= this.durations[job]) {
			this.delays[job] = elapsed - this.durations[job];
			this.planner.done(this.lastSeenRunning[job], elapsed);
			return;
		}
		this.lastSeenRunning[job] = elapsed;
		this.previousProgress[job] = this.progress[job];
		if (this.workload.progress() == Progress.LINEAR) {
			this.progress[job] = (int) Math.min(99, Math.floor(100 * elapsed / this.durations[job]));
		}
		plan(job, elapsed);
	}

	private void plan(int job, double elapsed) {
		JobProgress known = new JobProgress(duration(elapsed), this.calls[job], this.progress[job],
				this.previousProgress[job], null);
		this.events.add(new Event(this.submittedAt[job] + elapsed + this.planner.nextWait(known), job, false));
	}

	private record Event(double at, int job, boolean arrival) {
	}

}
