package io.reelay.poller.schedule;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static io.reelay.poller.schedule.CompletionTimes.seconds;

/**
 * Plans the status checks of a job: when to ask the provider again. The first rule that
 * applies decides:
 * <ol>
 * <li><b>Provider hint</b>: the provider said when to ask again; wait that long, at least
 * {@code minGap}, even beyond {@code maxGap}: it knows best.</li>
 * <li><b>Progress</b>: the reported progress {@code p} is between 0 and 100 and moved
 * since the check before: the job should end at {@code elapsed * 100 / (p + 0.5)}
 * (providers round progress down); check then.</li>
 * <li><b>Learned</b>: completion times of at least {@code minSamples} jobs of the
 * provider and model are known. The first check is at their {@code firstCheckQuantile};
 * each later one where the share {@code completionChance} of the jobs still running now
 * will have completed. Past the learned times, waits grow by {@code backoffFactor} from
 * the elapsed time.</li>
 * <li><b>Defaults</b>: the first check at {@code firstCheck}, then waits from
 * {@code initialGap} growing by {@code backoffFactor}.</li>
 * </ol>
 * Waits of rules 2 to 4 are kept within {@code [minGap, maxGap]}, then multiplied by a
 * random factor in {@code [1 - jitter, 1 + jitter]} and kept at least {@code minGap}.
 * <p>
 * Stateless and thread-safe.
 */
public final class PollSchedule {

	/**
	 * Past this share the learned tail rests on too few jobs to say where the next ends.
	 */
	private static final double LEARNED_RANGE = 0.999;

	private final ScheduleSettings settings;

	private final double minGap;

	private final double maxGap;

	public PollSchedule(ScheduleSettings settings) {
		this.settings = settings;
		this.minGap = seconds(settings.minGap());
		this.maxGap = seconds(settings.maxGap());
	}

	/**
	 * The wait from now until the next status check of a job.
	 * @param job what is known about the job now
	 * @param learned the completion times of its provider and model, or {@code null}
	 * @param random the source of jitter
	 */
	public Duration nextWait(JobProgress job, CompletionTimes learned, RandomGenerator random) {
		if (job.providerHint() != null) {
			return (job.providerHint().compareTo(this.settings.minGap()) > 0) ? job.providerHint()
					: this.settings.minGap();
		}
		double jitter = this.settings.jitter();
		double factor = 1 - jitter + 2 * jitter * random.nextDouble();
		return CompletionTimes.duration(Math.max(this.minGap, planned(job, learned) * factor));
	}

	private double planned(JobProgress job, CompletionTimes learned) {
		double elapsed = seconds(job.elapsed());
		if (job.advances()) {
			return clamp(elapsed * 100 / (job.progressPercent() + 0.5) - elapsed);
		}
		if (learned != null && learned.samples() >= this.settings.minSamples()) {
			return fromLearned(job, elapsed, learned);
		}
		if (job.checksDone() == 0) {
			return clamp(seconds(this.settings.firstCheck()) - elapsed);
		}
		double gap = seconds(this.settings.initialGap())
				* Math.pow(this.settings.backoffFactor(), job.checksDone() - 1);
		return clamp(gap);
	}

	private double fromLearned(JobProgress job, double elapsed, CompletionTimes learned) {
		if (job.checksDone() == 0) {
			return clamp(seconds(learned.quantile(this.settings.firstCheckQuantile())) - elapsed);
		}
		double done = learned.completedBy(job.elapsed());
		if (done >= LEARNED_RANGE || job.elapsed().compareTo(learned.latestCompletion()) >= 0) {
			return clamp(elapsed * (this.settings.backoffFactor() - 1));
		}
		double target = done + this.settings.completionChance() * (1 - done);
		return clamp(seconds(learned.quantile(target)) - elapsed);
	}

	private double clamp(double wait) {
		return Math.min(this.maxGap, Math.max(this.minGap, wait));
	}

}
