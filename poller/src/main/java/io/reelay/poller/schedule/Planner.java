package io.reelay.poller.schedule;

import java.util.random.RandomGenerator;

import io.reelay.poller.schedule.PollingSimulation.Fixed;
import io.reelay.poller.schedule.PollingSimulation.Learned;
import io.reelay.poller.schedule.PollingSimulation.Strategy;

import static io.reelay.poller.schedule.CompletionTimes.duration;
import static io.reelay.poller.schedule.CompletionTimes.seconds;

/** A simulated poller's strategy: its waits, and what it learns from a job seen done. */
interface Planner {

	double nextWait(JobProgress job);

	void done(double lastSeenRunning, double seenDone);

	static Planner of(Strategy strategy, RandomGenerator random) {
		if (strategy instanceof Fixed fixed) {
			double interval = seconds(fixed.interval());
			return new Planner() {

				@Override
				public double nextWait(JobProgress job) {
					return interval;
				}

				@Override
				public void done(double lastSeenRunning, double seenDone) {
				}

			};
		}
		ScheduleSettings settings = ((Learned) strategy).settings();
		PollSchedule schedule = new PollSchedule(settings);
		CompletionTimes learned = CompletionTimes.empty(settings.memory());
		return new Planner() {

			@Override
			public double nextWait(JobProgress job) {
				return seconds(schedule.nextWait(job, learned, random));
			}

			@Override
			public void done(double lastSeenRunning, double seenDone) {
				learned.record(duration(lastSeenRunning), duration(seenDone));
			}

		};
	}

}
