package io.reelay.cli.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelay.event.FailureCode;
import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;
import io.reelay.simulator.Scenario;
import io.reelay.simulator.SimulatedTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a chaos run is judged from what it left behind. */
class ChaosCheckTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private final List<String> ids = List.of("chaos-000001", "chaos-000002", "chaos-000003");

	private final Map<String, List<TerminalRecord>> terminal = new TreeMap<>();

	private final Map<String, List<SimulatedTask>> tasks = new TreeMap<>();

	@Test
	void passesWhenEveryRequestEndedOnceFromOneJobWithNothingLeftBehind() {
		ids.forEach((id) -> {
			stored(id, "job-" + id);
			job(id, "job-" + id);
		});

		ChaosVerdict verdict = judge(List.of(), List.of());

		assertThat(verdict.passed()).isTrue();
		assertThat(verdict.summary()).isEqualTo(
				"requests 3, terminal 3, duplicates 0, stuck 0, max creates per id 1, bad objects 0, parts left 0");
		assertThat(verdict.outcomes()).containsExactly(Map.entry("stored", 3));
		assertThat(verdict.findings()).containsOnlyKeys(ChaosCheck.SLOWEST);
	}

	@Test
	void failsOnASecondTerminalEventAndNamesTheRequestWithBothEvents() {
		ids.forEach((id) -> stored(id, "job-" + id));
		failed("chaos-000002", FailureCode.DOWNLOAD_FAILED);

		ChaosVerdict verdict = judge(List.of(), List.of());

		assertThat(verdict.passed()).isFalse();
		assertThat(verdict.exactlyOnce()).isEqualTo(2);
		assertThat(verdict.summary()).startsWith("requests 3, terminal 3, duplicates 1, stuck 0,");
		assertThat(verdict.findings().get(ChaosCheck.DUPLICATES)).singleElement()
			.asString()
			.contains("chaos-000002: 2 terminal events", "stored s3://reelay-videos/chaos-000002.mp4",
					"failed DOWNLOAD_FAILED");
	}

	@Test
	void failsOnARequestWithoutTerminalEventAndShowsItsTrail() {
		stored("chaos-000001", "job-1");
		failed("chaos-000002", FailureCode.SUBMISSION_OUTCOME_UNKNOWN);

		ChaosVerdict verdict = judge(List.of(), List.of());

		assertThat(verdict.passed()).isFalse();
		assertThat(verdict.summary()).startsWith("requests 3, terminal 2, duplicates 0, stuck 1,");
		assertThat(verdict.outcomes()).containsEntry("SUBMISSION_OUTCOME_UNKNOWN", 1).containsEntry("stored", 1);
		assertThat(verdict.findings().get(ChaosCheck.STUCK)).singleElement()
			.asString()
			.contains("chaos-000003: jobs none", "video.requests-0@3");
	}

	@Test
	void failsWhenTheProviderCreatedTwoJobsForOneRequest() {
		ids.forEach((id) -> stored(id, "job-" + id));
		job("chaos-000003", "job-a");
		job("chaos-000003", "job-b");

		ChaosVerdict verdict = judge(List.of(), List.of());

		assertThat(verdict.passed()).isFalse();
		assertThat(verdict.maxCreatesPerId()).isEqualTo(2);
		assertThat(verdict.findings().get(ChaosCheck.CREATES)).singleElement()
			.asString()
			.contains("chaos-000003: 2 jobs", "job-a", "job-b");
	}

	@Test
	void failsOnABadObjectOrAnUploadLeftBehind() {
		ids.forEach((id) -> stored(id, "job-" + id));

		assertThat(judge(List.of("chaos-000001: holds other bytes"), List.of()).passed()).isFalse();
		ChaosVerdict partsLeft = judge(List.of(), List.of("videos/chaos-000002.mp4"));
		assertThat(partsLeft.passed()).isFalse();
		assertThat(partsLeft.summary()).endsWith("bad objects 0, parts left 1");
	}

	@Test
	void listsAFailureAfterAPaidJobAndServiceIncidentsWithoutFailingForThem() {
		stored("chaos-000001", "job-1");
		stored("chaos-000002", "job-2");
		failed("chaos-000003", FailureCode.GENERATION_FAILED);
		job("chaos-000003", "job-3");

		ChaosVerdict verdict = judge(List.of(), List.of(), List.of("poller-1 ended on its own with exit code 1"));

		assertThat(verdict.passed()).isTrue();
		assertThat(verdict.findings().get(ChaosCheck.PAID_NOT_STORED)).singleElement()
			.asString()
			.contains("chaos-000003", "GENERATION_FAILED", "job-3");
		assertThat(verdict.findings().get(ChaosCheck.INCIDENTS))
			.containsExactly("poller-1 ended on its own with exit code 1");
	}

	private ChaosVerdict judge(List<String> badObjects, List<String> partsLeft) {
		return judge(badObjects, partsLeft, List.of());
	}

	private ChaosVerdict judge(List<String> badObjects, List<String> partsLeft, List<String> incidents) {
		return ChaosCheck.judge(this.ids, snapshot(), this.tasks, badObjects, partsLeft, incidents);
	}

	private TopicSnapshot snapshot() {
		Map<String, List<String>> trails = new TreeMap<>();
		Map<String, Instant> published = new TreeMap<>();
		for (int index = 0; index < this.ids.size(); index++) {
			trails.put(this.ids.get(index), List.of("video.requests-0@" + (index + 1) + " " + T0 + " from /test"));
			published.put(this.ids.get(index), T0);
		}
		return new TopicSnapshot(this.terminal, trails, List.of(), published);
	}

	private void stored(String id, String taskId) {
		VideoStored stored = new VideoStored(1, id, "generic", "sim-video-1", taskId, "reelay-videos", id + ".mp4",
				"s3://reelay-videos/" + id + ".mp4", 1000, "ab".repeat(32), "video/mp4", null, null, null, Map.of());
		add(new TerminalRecord("video.stored-0@" + this.terminal.size(), T0.plusSeconds(5), "/reelay/downloader",
				stored, null));
	}

	private void failed(String id, FailureCode code) {
		VideoFailed failed = new VideoFailed(1, id, Stage.DOWNLOADER, code, "it went wrong", "generic", "sim-video-1",
				null, null, null, T0, T0.plusSeconds(9), Map.of());
		add(new TerminalRecord("video.failed-0@" + this.terminal.size(), T0.plusSeconds(9), "/reelay/downloader", null,
				failed));
	}

	private void add(TerminalRecord record) {
		this.terminal.computeIfAbsent(record.requestId(), (key) -> new ArrayList<>()).add(record);
	}

	private void job(String id, String taskId) {
		this.tasks.computeIfAbsent(id, (key) -> new ArrayList<>())
			.add(new SimulatedTask(taskId, "generic", "sim-video-1", "a prompt [" + id + "]", Scenario.SUCCEED, T0,
					Duration.ofSeconds(1)));
	}

}
