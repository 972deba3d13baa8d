package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.reelay.simulator.SimulatedTask;

/**
 * Judges a chaos run from what it left: the terminal events on the topics, the jobs the
 * simulator created for each request, the stored videos read back, the unfinished
 * uploads. Names every offending request with what is known of it.
 */
final class ChaosCheck {

	static final String DUPLICATES = "requests with more than one terminal event";

	static final String STUCK = "requests without a terminal event";

	static final String CREATES = "requests the provider was asked to create more than once";

	static final String BAD_OBJECTS = "bad stored videos";

	static final String PARTS_LEFT = "multipart uploads left behind";

	static final String OPEN_TRANSACTIONS = "partitions held back by an open transaction";

	static final String INCIDENTS = "service lives that ended on their own or hung after a failed start, each "
			+ "restarted (informative)";

	static final String SLOWEST = "slowest requests, from publication to terminal event (informative)";

	private static final int SLOWEST_LISTED = 3;

	static final String PAID_NOT_STORED = "requests that failed after their provider created a job (informative)";

	/** Offenders listed per heading; the rest are counted. */
	private static final int LISTED = 20;

	private ChaosCheck() {
	}

	/**
	 * @param requestIds every request the run sent
	 * @param tasks the simulator's jobs, by the request id in their prompt
	 * @param badObjects what is wrong with each bad stored video
	 * @param partsLeft keys with an unfinished multipart upload
	 * @param incidents service lives that ended without being killed
	 */
	static ChaosVerdict judge(List<String> requestIds, TopicSnapshot snapshot, Map<String, List<SimulatedTask>> tasks,
			List<String> badObjects, List<String> partsLeft, List<String> incidents) {
		int exactlyOnce = 0;
		int terminal = 0;
		Map<String, Integer> outcomes = new TreeMap<>();
		Map<String, List<String>> findings = new LinkedHashMap<>();
		for (String id : requestIds) {
			List<TerminalRecord> ended = snapshot.terminalOf(id);
			List<SimulatedTask> jobs = tasks.getOrDefault(id, List.of());
			if (!ended.isEmpty()) {
				terminal++;
				outcomes.merge(ended.get(0).outcome(), 1, Integer::sum);
				if (ended.get(0).stored() == null && !jobs.isEmpty()) {
					note(findings, PAID_NOT_STORED, id + ": " + ended.get(0).describe() + "; jobs " + describe(jobs));
				}
			}
			if (ended.size() == 1) {
				exactlyOnce++;
			}
			else if (ended.size() > 1) {
				List<String> lines = new ArrayList<>();
				lines.add(id + ": " + ended.size() + " terminal events");
				ended.forEach((record) -> lines.add("    " + record.describe()));
				lines.add("  its trail:");
				snapshot.trailOf(id).forEach((line) -> lines.add("    " + line));
				note(findings, DUPLICATES, String.join(System.lineSeparator(), lines));
			}
			else {
				List<String> lines = new ArrayList<>();
				lines.add(id + ": jobs " + describe(jobs));
				snapshot.trailOf(id).forEach((line) -> lines.add("    " + line));
				note(findings, STUCK, String.join(System.lineSeparator(), lines));
			}
			if (jobs.size() > 1) {
				note(findings, CREATES, id + ": " + jobs.size() + " jobs " + describe(jobs));
			}
		}
		badObjects.forEach((problem) -> note(findings, BAD_OBJECTS, problem));
		partsLeft.forEach((key) -> note(findings, PARTS_LEFT, key));
		snapshot.openTransactions().forEach((partition) -> note(findings, OPEN_TRANSACTIONS, partition));
		incidents.forEach((incident) -> note(findings, INCIDENTS, incident));
		slowest(requestIds, snapshot).forEach((line) -> note(findings, SLOWEST, line));
		long maxCreates = requestIds.stream()
			.mapToLong((id) -> tasks.getOrDefault(id, List.of()).size())
			.max()
			.orElse(0);
		int duplicates = (int) requestIds.stream().filter((id) -> snapshot.terminalOf(id).size() > 1).count();
		return new ChaosVerdict(requestIds.size(), exactlyOnce, terminal, duplicates, requestIds.size() - terminal,
				maxCreates, badObjects.size(), partsLeft.size(), outcomes, findings);
	}

	/** The requests that took longest to end, with their trails. */
	private static List<String> slowest(List<String> requestIds, TopicSnapshot snapshot) {
		record Took(String id, Duration took) {
		}
		return requestIds.stream()
			.filter((id) -> snapshot.published().containsKey(id) && !snapshot.terminalOf(id).isEmpty())
			.map((id) -> new Took(id,
					Duration.between(snapshot.published().get(id), snapshot.terminalOf(id).get(0).timestamp())))
			.sorted(Comparator.comparing(Took::took).reversed())
			.limit(SLOWEST_LISTED)
			.map((slow) -> {
				List<String> lines = new ArrayList<>();
				lines.add(slow.id() + ": " + ChaosLog.seconds(slow.took()));
				snapshot.trailOf(slow.id()).forEach((line) -> lines.add("    " + line));
				return String.join(System.lineSeparator(), lines);
			})
			.toList();
	}

	private static void note(Map<String, List<String>> findings, String heading, String line) {
		List<String> lines = findings.computeIfAbsent(heading, (key) -> new ArrayList<>());
		if (lines.size() < LISTED) {
			lines.add(line);
		}
		else if (lines.size() == LISTED) {
			lines.add("… more not listed");
		}
	}

	private static String describe(List<SimulatedTask> jobs) {
		if (jobs.isEmpty()) {
			return "none";
		}
		return jobs.stream()
			.map((job) -> job.provider() + " " + job.id() + " created " + job.createdAt())
			.toList()
			.toString();
	}

}
