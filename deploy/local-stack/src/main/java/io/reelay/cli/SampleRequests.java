package io.reelay.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoRequested;

/** The requests the demo sends: ordinary ones, each with its own id. */
final class SampleRequests {

	private static final List<String> PROMPTS = List.of("A drone flyover of a tropical beach at golden hour",
			"Ocean waves crashing on a rocky shore, cinematic", "A koi pond at dawn, mist over the water",
			"Time-lapse of a city skyline from day to night", "A paper boat drifting down a rain-soaked street");

	private SampleRequests() {
	}

	static List<VideoRequested> create(int count) {
		String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		List<VideoRequested> requests = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			requests.add(new VideoRequested(PipelineEvent.CURRENT_SCHEMA_VERSION, "demo-" + run + "-" + i, "generic",
					"sim-video-1", PROMPTS.get((i - 1) % PROMPTS.size()), 5, "720p", null, null, null, null, null,
					Map.of(), null, Map.of("source", "reelay demo"), Instant.now()));
		}
		return requests;
	}

}
