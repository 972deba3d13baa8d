package io.reelay.provider.minimax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camera movements in a Director model's prompt: {@code [Truck left]}, or several
 * combined in one bracket, {@code [Truck left, Pan right]}. A misspelt movement would be
 * read as scenery, so every bracket is checked against the documented set.
 */
final class MinimaxCameraTags {

	static final List<String> MOVEMENTS = List.of("Truck left", "Truck right", "Pan left", "Pan right", "Push in",
			"Pull out", "Pedestal up", "Pedestal down", "Tilt up", "Tilt down", "Zoom in", "Zoom out", "Shake",
			"Tracking shot", "Static shot");

	static final int MAX_COMBINED = 3;

	private static final Pattern BRACKET = Pattern.compile("\\[([^\\[\\]]*)\\]");

	private MinimaxCameraTags() {
	}

	/** One line per problem, each starting with {@code prompt:}. */
	static List<String> problems(String prompt, String model) {
		List<String> problems = new ArrayList<>();
		Matcher bracket = BRACKET.matcher(prompt);
		while (bracket.find()) {
			List<String> tags = Arrays.stream(bracket.group(1).split(",", -1)).map(String::strip).toList();
			if (tags.size() > MAX_COMBINED) {
				problems.add("prompt: " + bracket.group() + " combines " + tags.size() + " camera movements, " + model
						+ " takes at most " + MAX_COMBINED + " in one bracket");
			}
			for (String tag : tags) {
				if (!MOVEMENTS.contains(tag)) {
					problems.add("prompt: unknown camera movement '" + tag + "' in " + bracket.group() + " for " + model
							+ suggestion(tag));
				}
			}
		}
		return problems;
	}

	private static String suggestion(String tag) {
		for (String movement : MOVEMENTS) {
			if (movement.toLowerCase(Locale.ROOT).equals(tag.toLowerCase(Locale.ROOT))) {
				return "; write it as [" + movement + "]";
			}
		}
		return "; square brackets hold camera movements only, one of [" + String.join("], [", MOVEMENTS) + "]";
	}

}
