package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;

/**
 * When a chaos run does what, drawn from its seed: the same seed, the same plan. The
 * disruptions (kills, the broker restart, the S3 outage) get a slot each of the window,
 * in random order, at a random moment of their slot, so they are spread out but never in
 * step; every instance is killed at least once when there are kills enough. Provider
 * bursts come at random moments, several rounds in a long window.
 */
record ChaosPlan(List<ChaosAction> actions) {

	static final Duration S3_OUTAGE = Duration.ofSeconds(10);

	/** A round of bursts for every this much of the window. */
	private static final Duration BURST_ROUND = Duration.ofMinutes(2);

	ChaosPlan {
		actions = actions.stream().sorted(Comparator.comparing(ChaosAction::at)).toList();
	}

	/**
	 * @param instances the service instances that may be killed
	 * @param kills how many kills
	 * @param window how long the disruptions go on, from the first request
	 * @param providers the providers bursts may hit
	 */
	static ChaosPlan draw(Random random, List<String> instances, int kills, Duration window, List<String> providers) {
		List<String> victims = new ArrayList<>(instances);
		Collections.shuffle(victims, random);
		while (victims.size() < kills) {
			victims.add(instances.get(random.nextInt(instances.size())));
		}
		List<Integer> slots = new ArrayList<>();
		int disruptions = kills + 2;
		for (int slot = 0; slot < disruptions; slot++) {
			slots.add(slot);
		}
		Collections.shuffle(slots, random);
		// leave the first and the last tenth of the window undisturbed: requests are
		// under way at the first disruption, and the last is over before the window ends
		long from = window.toMillis() / 10;
		long slotLength = (window.toMillis() * 8 / 10) / disruptions;
		List<ChaosAction> actions = new ArrayList<>();
		for (int index = 0; index < disruptions; index++) {
			Duration at = Duration
				.ofMillis(from + slots.get(index) * slotLength + (long) (random.nextDouble() * slotLength * 0.8));
			if (index < kills) {
				actions.add(new ChaosAction.KillService(at, victims.get(index)));
			}
			else if (index == kills) {
				actions.add(new ChaosAction.RestartBroker(at));
			}
			else {
				actions.add(new ChaosAction.S3Outage(at, S3_OUTAGE));
			}
		}
		long rounds = 1 + window.toMillis() / BURST_ROUND.toMillis();
		for (int round = 0; round < rounds; round++) {
			for (FaultRule burst : bursts(random, providers)) {
				actions.add(new ChaosAction.ProviderBurst(randomMoment(random, window), burst));
			}
		}
		// a 500 on a create call: did the provider start the job? Reelay must not pay
		// twice to find out, and ends such a request with SUBMISSION_OUTCOME_UNKNOWN
		actions.add(new ChaosAction.ProviderBurst(randomMoment(random, window),
				burst(random, providers, Operation.CREATE, Fault.SERVER_ERROR, 500, 2)));
		return new ChaosPlan(actions);
	}

	/**
	 * Errors the services must retry through: 5xx and 429 on status checks, downloads and
	 * creates.
	 */
	private static List<FaultRule> bursts(Random random, List<String> providers) {
		// the poller stops calling a provider for twice as long after each 429 (up to a
		// minute): six in a row keep its jobs waiting for half a minute
		return List.of(burst(random, providers, Operation.STATUS, Fault.SERVER_ERROR, 503, 6),
				burst(random, providers, Operation.STATUS, Fault.RATE_LIMIT, 429, 6),
				burst(random, providers, Operation.DOWNLOAD, Fault.SERVER_ERROR, 503, 6),
				burst(random, providers, Operation.DOWNLOAD, Fault.RATE_LIMIT, 429, 6),
				burst(random, providers, Operation.CREATE, Fault.RATE_LIMIT, 429, 4),
				// 503: the provider did not take the request on, so it is safe to send
				// again
				burst(random, providers, Operation.CREATE, Fault.SERVER_ERROR, 503, 4));
	}

	/** A burst at one provider, or at every provider one time in six. */
	private static FaultRule burst(Random random, List<String> providers, Operation operation, Fault fault, int status,
			int times) {
		int pick = random.nextInt(providers.size() + 1);
		String provider = (pick < providers.size()) ? providers.get(pick) : FaultRule.ANY_PROVIDER;
		return FaultRule.on(provider, operation, fault).withStatus(status).withTimes(times);
	}

	private static Duration randomMoment(Random random, Duration window) {
		return Duration.ofMillis(window.toMillis() / 10 + (long) (random.nextDouble() * window.toMillis() * 0.8));
	}

	/** How many actions of a kind. */
	long count(Class<? extends ChaosAction> kind) {
		return this.actions.stream().filter(kind::isInstance).count();
	}

}
