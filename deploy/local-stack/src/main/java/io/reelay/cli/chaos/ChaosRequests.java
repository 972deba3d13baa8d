package io.reelay.cli.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelay.event.VideoRequested;

/**
 * The requests of a chaos run: copies of the templates, every provider in turn, each with
 * its request id in its prompt ({@code [chaos-000123]}) so that the simulator's tasks
 * tell which request paid for them, a generation time of its own, and now and then a
 * video large enough to be stored in parts. Some are published twice, as a client that
 * retries would.
 *
 * @param requests every request once
 * @param publishOrder what is published, in order: every request, a few twice
 */
record ChaosRequests(List<VideoRequested> requests, List<VideoRequested> publishOrder) {

	private static final Pattern MARKER = Pattern.compile("\\[(chaos-\\d{6})\\]");

	/** The share of requests whose video is stored in two parts. */
	private static final double LARGE_SHARE = 0.05;

	private static final String LARGE_MARKER = "[sim:bytes=6MiB]";

	private static final Duration SHORTEST = Duration.ofMillis(500);

	private static final Duration LONGEST = Duration.ofSeconds(3);

	static ChaosRequests create(int count, RequestTemplates templates, Random random) {
		List<VideoRequested> requests = new ArrayList<>();
		for (int number = 1; number <= count; number++) {
			VideoRequested template = templates.perProvider().get((number - 1) % templates.perProvider().size());
			String id = idOf(number);
			long takes = SHORTEST.toMillis() + random.nextInt((int) (LONGEST.toMillis() - SHORTEST.toMillis()) + 1);
			String markers = "[" + id + "][sim:takes=" + takes + "ms]"
					+ ((random.nextDouble() < LARGE_SHARE) ? LARGE_MARKER : "");
			requests.add(template.toBuilder()
				.requestId(id)
				.model(withoutCameraTags(template.model()))
				.prompt(template.prompt() + " " + markers)
				.metadata(Map.of("source", "reelay chaos"))
				.requestedAt(Instant.now())
				.build());
		}
		return new ChaosRequests(requests, publishOrder(requests, random));
	}

	/**
	 * Every request, and one in fifty (at least two) again a little later, as a client
	 * would that did not hear back from the broker.
	 */
	private static List<VideoRequested> publishOrder(List<VideoRequested> requests, Random random) {
		record Slot(double at, VideoRequested request) {
		}
		List<Slot> slots = new ArrayList<>();
		for (int index = 0; index < requests.size(); index++) {
			slots.add(new Slot(index, requests.get(index)));
		}
		int duplicates = Math.min(requests.size(), Math.max(2, requests.size() / 50));
		for (int copy = 0; copy < duplicates; copy++) {
			int index = random.nextInt(requests.size());
			slots.add(new Slot(index + 1 + random.nextInt(50) + 0.5, requests.get(index)));
		}
		return slots.stream().sorted(Comparator.comparingDouble(Slot::at)).map(Slot::request).toList();
	}

	/**
	 * MiniMax's Director models read every pair of square brackets in a prompt as a
	 * camera movement and Reelay refuses others, the markers among them: the same model
	 * without camera control takes them as text.
	 */
	private static String withoutCameraTags(String model) {
		return (model != null && model.endsWith("-Director")) ? model.substring(0, model.length() - 9) : model;
	}

	static String idOf(int number) {
		return String.format(Locale.ROOT, "chaos-%06d", number);
	}

	/** The request id a prompt carries, if it is one of a chaos run's. */
	static Optional<String> requestIdIn(String prompt) {
		if (prompt == null) {
			return Optional.empty();
		}
		Matcher marker = MARKER.matcher(prompt);
		return marker.find() ? Optional.of(marker.group(1)) : Optional.empty();
	}

	static boolean isLarge(VideoRequested request) {
		return request.prompt().contains(LARGE_MARKER);
	}

	/** Requests published twice. */
	int duplicates() {
		return this.publishOrder.size() - this.requests.size();
	}

}
