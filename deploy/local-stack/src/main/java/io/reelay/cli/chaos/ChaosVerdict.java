package io.reelay.cli.chaos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the checks of a chaos run found.
 *
 * @param requests requests sent (each counted once, however often it was published)
 * @param exactlyOnce requests with exactly one terminal event
 * @param terminal requests with at least one terminal event
 * @param duplicates requests with more than one terminal event
 * @param stuck requests without a terminal event
 * @param maxCreatesPerId the most jobs the simulator created for one request
 * @param badObjects stored videos that are missing or hold other bytes than the simulator
 * served for their request
 * @param partsLeft multipart uploads neither completed nor aborted
 * @param outcomes each request's first terminal event: {@code stored} or the failure
 * code, with how many
 * @param findings what went wrong, under a heading each; informative notes too
 */
record ChaosVerdict(int requests, int exactlyOnce, int terminal, int duplicates, int stuck, long maxCreatesPerId,
		int badObjects, int partsLeft, Map<String, Integer> outcomes, Map<String, List<String>> findings) {

	ChaosVerdict {
		// in the order the checks found them, outcomes sorted
		outcomes = Collections.unmodifiableMap(new TreeMap<>(outcomes));
		findings = Collections.unmodifiableMap(new LinkedHashMap<>(findings));
	}

	boolean passed() {
		return this.exactlyOnce == this.requests && this.duplicates == 0 && this.stuck == 0 && this.maxCreatesPerId <= 1
				&& this.badObjects == 0 && this.partsLeft == 0;
	}

	/** The last line a run prints. */
	String summary() {
		return String.format(Locale.ROOT,
				"requests %d, terminal %d, duplicates %d, stuck %d, max creates per id %d, bad objects %d, parts left %d",
				this.requests, this.terminal, this.duplicates, this.stuck, this.maxCreatesPerId, this.badObjects,
				this.partsLeft);
	}

}
