package io.reelay.simulator;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a simulated job does, chosen by a marker in its prompt so that any client, in any
 * language, can ask for a failure without a test hook.
 */
public enum Scenario {

	/** Completes after the generation time and serves a real MP4 (no marker). */
	SUCCEED,

	/** {@code [sim:fail]}: the job fails with a model error. */
	FAIL,

	/** {@code [sim:policy]}: the job fails on content-policy grounds. */
	CONTENT_POLICY,

	/** {@code [sim:stuck]}: the job stays in progress forever. */
	STUCK,

	/** {@code [sim:not-mp4]}: the job completes but its URL serves an HTML page. */
	NOT_MP4,

	/**
	 * {@code [sim:busy]}: the first create call answers 429 with {@code Retry-After: 1},
	 * later ones succeed.
	 */
	BUSY,

	/**
	 * {@code [sim:create-error]}: every create call answers 500 (did it create the job?
	 * nobody knows).
	 */
	CREATE_ERROR,

	/** {@code [sim:flaky]}: every other status call answers 503. */
	FLAKY;

	// Every call of a job looks its scenario up again: no new strings for each.
	private static final Scenario[] MARKED = Arrays.stream(values())
		.filter((scenario) -> scenario != SUCCEED)
		.toArray(Scenario[]::new);

	private final String marker;

	Scenario() {
		String name = name().equals("CONTENT_POLICY") ? "policy" : name().toLowerCase(Locale.ROOT).replace('_', '-');
		this.marker = "[sim:" + name + "]";
	}

	public static Scenario fromPrompt(String prompt) {
		if (prompt == null || prompt.indexOf('[') < 0) {
			return SUCCEED;
		}
		String text = prompt.toLowerCase(Locale.ROOT);
		for (Scenario scenario : MARKED) {
			if (text.contains(scenario.marker)) {
				return scenario;
			}
		}
		return SUCCEED;
	}

	public String marker() {
		return this.marker;
	}

}
