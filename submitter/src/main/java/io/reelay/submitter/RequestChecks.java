package io.reelay.submitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.reelay.event.VideoRequested;

/**
 * What every request needs whatever its provider. The request id becomes part of the
 * object key, so it is limited to characters that are safe in keys and URLs.
 */
public final class RequestChecks {

	static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

	private RequestChecks() {
	}

	public static List<String> problems(VideoRequested request, Instant now) {
		List<String> problems = new ArrayList<>();
		if (!REQUEST_ID.matcher(request.requestId()).matches()) {
			problems.add("requestId: '" + request.requestId()
					+ "' must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'");
		}
		if (request.model() == null || request.model().isBlank()) {
			problems.add("model: required");
		}
		if (request.deadline() != null && !request.deadline().isAfter(now)) {
			problems.add("deadline: " + request.deadline() + " has already passed");
		}
		return problems;
	}

}
