package io.reelay.simulator;

import java.io.IOException;
import java.util.Optional;

import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;

/**
 * Where rate limits, faults and prompt markers strike a call: it is counted, then the
 * provider's rate limit (API calls only), the first matching fault rule, else the
 * prompt's marker, may answer it in the provider's own words, drop it, slow it down or
 * mark its download for truncation.
 */
final class Admission {

	private Admission() {
	}

	/** {@code false} when the call has been answered or dropped already. */
	static boolean admit(ApiCall call, Operation operation, String prompt, String taskId) throws IOException {
		long number = count(call, operation, prompt, taskId);
		Simulation simulation = call.simulation();
		if (operation != Operation.DOWNLOAD) {
			// A provider's gateway refuses before anything behind it sees the call, so a
			// refused call uses up no fault rule.
			int retryAfter = simulation.rateLimits().admit(call.provider());
			if (retryAfter > 0) {
				rateLimited(call, retryAfter, 0);
				return false;
			}
		}
		Optional<FaultRule> rule = simulation.faults().take(call.provider(), operation, prompt);
		if (rule.isPresent()) {
			return suffer(call, rule.get());
		}
		Scenario scenario = Scenario.fromPrompt(prompt);
		if (operation == Operation.CREATE && scenario == Scenario.BUSY && number == 1) {
			rateLimited(call, 1, 0);
			return false;
		}
		if (operation == Operation.CREATE && scenario == Scenario.CREATE_ERROR) {
			call.errors().serverError(call, 500);
			return false;
		}
		if (operation == Operation.STATUS && scenario == Scenario.FLAKY && number % 2 == 1) {
			call.errors().serverError(call, 503);
			return false;
		}
		return true;
	}

	/**
	 * Counts creations by prompt, status calls and retrieves by task, returning this
	 * call's number.
	 */
	private static long count(ApiCall call, Operation operation, String prompt, String taskId) {
		TaskBook tasks = call.simulation().tasks();
		if (operation == Operation.CREATE && prompt != null) {
			return tasks.countCreate(call.provider(), prompt);
		}
		if (operation == Operation.STATUS && taskId != null) {
			return tasks.countCall("status", taskId);
		}
		if (operation == Operation.RETRIEVE && taskId != null) {
			return tasks.countCall("retrieve", taskId);
		}
		return 0;
	}

	private static boolean suffer(ApiCall call, FaultRule rule) throws IOException {
		ErrorAnswers errors = call.errors();
		switch (rule.fault()) {
			case RATE_LIMIT -> rateLimited(call, rule.retryAfterSecondsOrDefault(), rule.status());
			case SERVER_ERROR -> errors.serverError(call, rule.statusOr(500));
			case UNAUTHORIZED -> errors.unauthorized(call);
			case NO_CREDITS -> errors.noCredits(call);
			case CONTENT_POLICY -> errors.contentRejected(call);
			case RESET -> {
				// Closing before any response header is sent makes the server drop the
				// connection: the client reads nothing at all.
				call.exchange().close();
			}
			case SLOW -> {
				return waitFor(rule);
			}
			case TRUNCATE -> {
				call.truncate();
				return true;
			}
			case GENERATION_FAILURE -> {
				// decided when the job is created (Simulation.create), not on a call
				return true;
			}
		}
		return false;
	}

	private static void rateLimited(ApiCall call, int retryAfterSeconds, int status) throws IOException {
		call.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
		call.errors().rateLimited(call, status);
	}

	private static boolean waitFor(FaultRule rule) {
		try {
			Thread.sleep(rule.delayOrDefault().toMillis());
			return true;
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
