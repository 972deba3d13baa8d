package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule of a chaos run, drawn from its seed. */
class ChaosPlanTests {

	private static final List<String> INSTANCES = List.of("submitter-1", "poller-1", "downloader-1");

	private static final List<String> PROVIDERS = List.of("generic", "minimax", "aimlapi", "tchavi", "openai");

	private static final Duration WINDOW = Duration.ofSeconds(30);

	@Test
	void killsEveryInstanceAtLeastOnceRestartsTheBrokerOnceAndTakesS3AwayOnce() {
		for (long seed = 0; seed < 50; seed++) {
			ChaosPlan plan = draw(seed, 3);

			assertThat(plan.actions()).filteredOn(ChaosAction.KillService.class::isInstance)
				.map((action) -> ((ChaosAction.KillService) action).instance())
				.containsExactlyInAnyOrderElementsOf(INSTANCES);
			assertThat(plan.count(ChaosAction.RestartBroker.class)).isOne();
			assertThat(plan.actions()).filteredOn(ChaosAction.S3Outage.class::isInstance)
				.singleElement()
				.extracting((action) -> ((ChaosAction.S3Outage) action).length())
				.isEqualTo(Duration.ofSeconds(10));
		}
	}

	@Test
	void spreadsTheDisruptionsOverTheWindowInTimeOrder() {
		ChaosPlan plan = draw(7, 30);

		assertThat(plan.count(ChaosAction.KillService.class)).isEqualTo(30);
		assertThat(plan.actions()).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()))
			.allSatisfy((action) -> assertThat(action.at()).isBetween(WINDOW.dividedBy(10),
					WINDOW.multipliedBy(9).dividedBy(10)));
		List<Duration> disruptions = plan.actions()
			.stream()
			.filter((action) -> !(action instanceof ChaosAction.ProviderBurst))
			.map(ChaosAction::at)
			.toList();
		assertThat(disruptions).doesNotHaveDuplicates().hasSize(32);
	}

	@Test
	void burstsProviderCallsWith5xxAnd429OnStatusDownloadAndCreate() {
		ChaosPlan plan = draw(3, 3);

		List<ChaosAction.ProviderBurst> bursts = plan.actions()
			.stream()
			.filter(ChaosAction.ProviderBurst.class::isInstance)
			.map(ChaosAction.ProviderBurst.class::cast)
			.toList();
		assertThat(bursts).extracting((burst) -> burst.rule().operation() + " " + burst.rule().status())
			.contains("STATUS 503", "STATUS 429", "DOWNLOAD 503", "DOWNLOAD 429", "CREATE 429", "CREATE 503",
					"CREATE 500");
		assertThat(bursts).allSatisfy((burst) -> {
			assertThat(burst.rule().times()).isPositive();
			assertThat(burst.rule().fault()).isIn(Fault.SERVER_ERROR, Fault.RATE_LIMIT);
		});
		// a 500 on a create is an outcome Reelay cannot know: only a couple of them
		assertThat(bursts)
			.filteredOn((burst) -> burst.rule().operation() == Operation.CREATE && burst.rule().status() == 500)
			.singleElement()
			.extracting((burst) -> burst.rule().times())
			.isEqualTo(2);
	}

	@Test
	void drawsTheSamePlanFromTheSameSeed() {
		assertThat(draw(42, 5)).isEqualTo(draw(42, 5));
		assertThat(draw(42, 5)).isNotEqualTo(draw(43, 5));
	}

	private static ChaosPlan draw(long seed, int kills) {
		return ChaosPlan.draw(new Random(seed), INSTANCES, kills, WINDOW, PROVIDERS);
	}

}
