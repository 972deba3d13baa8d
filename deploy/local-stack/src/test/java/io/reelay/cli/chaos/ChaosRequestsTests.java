package io.reelay.cli.chaos;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import io.reelay.event.VideoRequested;
import io.reelay.simulator.SizeMarker;
import io.reelay.simulator.TakesMarker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The requests of a chaos run. */
class ChaosRequestsTests {

	private static final RequestTemplates TEMPLATES = new RequestTemplates(
			List.of(VideoRequested.builder().provider("generic").model("sim-video-1").prompt("A beach").build(),
					VideoRequested.builder()
						.provider("minimax")
						.model("I2V-01-Director")
						.prompt("[Push in] A lighthouse")
						.build()),
			"inputs/frame.png", new byte[0]);

	@Test
	void carriesItsRequestIdAndAGenerationTimeInItsPromptForEveryProviderInTurn() {
		ChaosRequests requests = ChaosRequests.create(200, TEMPLATES, new Random(1));

		assertThat(requests.requests()).hasSize(200);
		VideoRequested first = requests.requests().get(0);
		assertThat(first.requestId()).isEqualTo("chaos-000001");
		assertThat(first.provider()).isEqualTo("generic");
		assertThat(requests.requests().get(1).provider()).isEqualTo("minimax");
		assertThat(requests.requests()).allSatisfy((request) -> {
			assertThat(ChaosRequests.requestIdIn(request.prompt())).hasValue(request.requestId());
			assertThat(TakesMarker.in(request.prompt()))
				.hasValueSatisfying((takes) -> assertThat(takes.toMillis()).isBetween(500L, 3000L));
		});
		// some, not all, large enough to be stored in parts
		assertThat(requests.requests()).filteredOn(ChaosRequests::isLarge)
			.isNotEmpty()
			.hasSizeLessThan(40)
			.allSatisfy((request) -> assertThat(SizeMarker.in(request.prompt())).hasValue(6L * 1024 * 1024));
	}

	@Test
	void asksMinimaxForTheModelWithoutCameraTagsWhichTakesTheMarkersAsText() {
		VideoRequested minimax = ChaosRequests.create(2, TEMPLATES, new Random(1)).requests().get(1);

		assertThat(minimax.model()).isEqualTo("I2V-01");
		assertThat(minimax.prompt()).startsWith("[Push in] A lighthouse [chaos-000002]");
	}

	@Test
	void publishesEveryRequestAndAFewOfThemAgainLater() {
		ChaosRequests requests = ChaosRequests.create(200, TEMPLATES, new Random(1));

		List<String> published = requests.publishOrder().stream().map(VideoRequested::requestId).toList();
		assertThat(requests.duplicates()).isEqualTo(4);
		assertThat(published).hasSize(204)
			.containsAll(requests.requests().stream().map(VideoRequested::requestId).toList());
		List<String> twice = published.stream()
			.filter((id) -> Collections.frequency(published, id) == 2)
			.distinct()
			.toList();
		assertThat(twice).hasSizeBetween(1, 4);
		// the copy comes after the original, which is in its place
		IntStream.range(0, published.size()).forEach((index) -> {
			String id = published.get(index);
			if (published.indexOf(id) != index) {
				assertThat(index).isGreaterThan(published.indexOf(id));
			}
		});
		assertThat(requests.publishOrder().get(0)).isSameAs(requests.requests().get(0));
	}

}
