package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.reelay.poller.schedule.CompletionTimes;
import io.reelay.poller.schedule.CompletionTimesSnapshot;
import io.reelay.poller.schedule.JobProgress;
import io.reelay.poller.schedule.PollSchedule;

import org.springframework.stereotype.Component;

/**
 * What this instance knows of each provider and model's completion times: what the shared
 * topic last said, plus what this instance learned since it last published. One small
 * histogram per provider and model, whatever the number of jobs.
 */
@Component
class LearnedSchedules {

	private final PollSchedule schedule;

	private final int memory;

	private final Map<String, Learned> byKey = new HashMap<>();

	LearnedSchedules(PollerProperties properties) {
		this.schedule = new PollSchedule(properties.schedule());
		this.memory = properties.schedule().memory();
	}

	/** The wait before a job's next check, from what is known of jobs like it. */
	synchronized Duration nextWait(String provider, String model, JobProgress job, RandomGenerator random) {
		Learned learned = this.byKey.get(key(provider, model));
		return this.schedule.nextWait(job, (learned != null) ? learned.merged : null, random);
	}

	/**
	 * A job was seen running {@code notDoneAt} and done {@code doneAt} after its
	 * submission.
	 */
	synchronized void completed(String provider, String model, Duration notDoneAt, Duration doneAt) {
		Learned learned = this.byKey.computeIfAbsent(key(provider, model),
				(key) -> new Learned(provider, model, CompletionTimes.empty(this.memory)));
		learned.merged.record(notDoneAt, doneAt);
		learned.unpublished.record(notDoneAt, doneAt);
	}

	/**
	 * Another instance (or this one, earlier) published its view: take it, keeping what
	 * this instance learned since its own last publication.
	 */
	synchronized void received(CompletionTimesSnapshot snapshot) {
		String key = key(snapshot.provider(), snapshot.model());
		Learned learned = this.byKey.computeIfAbsent(key,
				(k) -> new Learned(snapshot.provider(), snapshot.model(), CompletionTimes.empty(this.memory)));
		CompletionTimes merged = CompletionTimes.from(snapshot, this.memory);
		merged.add(learned.unpublished);
		learned.merged = merged;
	}

	/** Snapshots of everything learned since the last call, for the shared topic. */
	synchronized List<CompletionTimesSnapshot> takeChanges(Instant now) {
		List<CompletionTimesSnapshot> changes = new ArrayList<>();
		for (Learned learned : this.byKey.values()) {
			if (learned.unpublished.samples() > 0) {
				changes.add(learned.merged.snapshot(learned.provider, learned.model, now));
				learned.unpublished = CompletionTimes.empty(this.memory);
			}
		}
		return changes;
	}

	/** How much is known of one provider and model: decayed samples, 0 for nothing. */
	synchronized double samples(String provider, String model) {
		Learned learned = this.byKey.get(key(provider, model));
		return (learned != null) ? learned.merged.samples() : 0;
	}

	static String key(String provider, String model) {
		return provider + "/" + ((model != null) ? model : "");
	}

	private static final class Learned {

		private final String provider;

		private final String model;

		private CompletionTimes merged;

		private CompletionTimes unpublished;

		Learned(String provider, String model, CompletionTimes empty) {
			this.provider = provider;
			this.model = model;
			this.merged = empty;
			this.unpublished = empty.copy();
		}

	}

}
