package io.reelay.testing;

import java.time.Duration;

import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.simulator.ProviderSimulator;

import static org.awaitility.Awaitility.await;

/**
 * Creates jobs on the simulator directly, for tests of stages that start after
 * submission.
 */
public final class SimulatorJobs {

	private final GenericProvider provider;

	public SimulatorJobs(ProviderSimulator simulator) {
		this.provider = new GenericProvider(ProviderFixtures.client("generic", simulator.baseUrl("generic"),
				simulator.apiKey(), Duration.ofSeconds(10)));
	}

	/** Starts a job with this prompt and returns its task id. */
	public String start(String prompt) {
		SubmittedTask task = this.provider.submit(Events.aRequest(Events.newRequestId(), prompt),
				ProviderFixtures.media());
		return task.providerTaskId();
	}

	/** Starts a job and waits until the simulator finished it. */
	public FinishedJob startFinished(String prompt) {
		String taskId = start(prompt);
		TaskStatus.Succeeded done = (TaskStatus.Succeeded) await().atMost(Duration.ofSeconds(30))
			.until(() -> this.provider.status(taskId), (status) -> status instanceof TaskStatus.Succeeded);
		return new FinishedJob(taskId, done.download().url());
	}

	/** A job the simulator has finished, and where it serves the video. */
	public record FinishedJob(String taskId, String videoUrl) {
	}

}
