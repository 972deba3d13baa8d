package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.Locale;

import io.reelay.simulator.fault.FaultRule;

/** One thing a chaos run does to the stack, {@link #at()} from the first request. */
sealed interface ChaosAction
		permits ChaosAction.KillService, ChaosAction.RestartBroker, ChaosAction.S3Outage, ChaosAction.ProviderBurst {

	Duration at();

	/** What it does, for a person. */
	String describe();

	/** SIGKILL an instance's JVM and start it again at once. */
	record KillService(Duration at, String instance) implements ChaosAction {

		@Override
		public String describe() {
			return "kill " + this.instance;
		}

	}

	/** Shut the Kafka broker down and start it again on its data. */
	record RestartBroker(Duration at) implements ChaosAction {

		@Override
		public String describe() {
			return "restart the Kafka broker";
		}

	}

	/** The S3 server refuses connections for a while. */
	record S3Outage(Duration at, Duration length) implements ChaosAction {

		@Override
		public String describe() {
			return "S3 server down for " + this.length.toSeconds() + " s";
		}

	}

	/** The next calls of a kind answer an error instead ({@link FaultRule#times()}). */
	record ProviderBurst(Duration at, FaultRule rule) implements ChaosAction {

		@Override
		public String describe() {
			String provider = FaultRule.ANY_PROVIDER.equals(this.rule.provider()) ? "every provider"
					: this.rule.provider();
			return String.format(Locale.ROOT, "%s: next %d %s calls answer %d", provider, this.rule.times(),
					this.rule.operation(), this.rule.status());
		}

	}

}
