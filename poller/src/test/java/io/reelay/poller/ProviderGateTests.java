package io.reelay.poller;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderGateTests {

	private final Instant now = Instant.parse("2026-11-21T10:00:00Z");

	@Test
	void letsABurstThroughThenSaysHowLongTheNextCallWaits() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(2, 3, 4));

		for (int i = 0; i < 3; i++) {
			assertThat(gate.admit(this.now, 0)).isZero();
		}
		Duration wait = gate.admit(this.now, 0);

		// 2 calls a second: the next token is at most half a second away
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(500));
	}

	@Test
	void spreadsTheChecksItSendsBackOneTokenApart() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(10, 1, 4));
		gate.admit(this.now, 0);

		Duration first = gate.admit(this.now, 0);
		Duration tenth = gate.admit(this.now, 9);

		// nine more tokens at 10 a second, less the little time that passed between the
		// two calls
		assertThat(tenth.minus(first)).isBetween(Duration.ofMillis(800), Duration.ofMillis(900));
	}

	@Test
	void coolsDownAfterA429ForItsRetryAfterOrADoublingBackoff() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(100, 100, 4));

		assertThat(gate.rateLimited(this.now, null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(gate.rateLimited(this.now.plusSeconds(1), null)).isEqualTo(Duration.ofSeconds(2));
		assertThat(gate.rateLimited(this.now.plusSeconds(3), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
		assertThat(gate.admit(this.now.plusSeconds(13), 0)).isEqualTo(Duration.ofSeconds(20));
	}

	@Test
	void takesAProvidersShortRetryAfterAtItsWord() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(100, 100, 4));
		for (int i = 0; i < 5; i++) {
			gate.rateLimited(this.now.plusSeconds(100L * i), null);
		}

		assertThat(gate.rateLimited(this.now.plusSeconds(600), Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void doesNotDoubleTheCoolDownFor429sOfCallsSentBeforeItBegan() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(100, 100, 4));
		gate.rateLimited(this.now, null);

		Duration inFlight = gate.rateLimited(this.now.plusMillis(12), null);
		Duration afterwards = gate.rateLimited(this.now.plusSeconds(1), null);

		assertThat(inFlight).isEqualTo(Duration.ofMillis(988));
		assertThat(afterwards).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void startsTheBackoffAgainOnceTheProviderAnswers() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(100, 100, 4));
		gate.rateLimited(this.now, null);
		gate.rateLimited(this.now.plusSeconds(1), null);

		gate.answered();

		assertThat(gate.rateLimited(this.now.plusSeconds(3), null)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void neverCoolsDownLongerThanAMinuteUnlessTheProviderAsks() {
		ProviderGate gate = new ProviderGate("generic", new PollerProperties.ProviderPolling(100, 100, 4));
		Duration last = Duration.ZERO;
		for (int i = 0; i < 20; i++) {
			last = gate.rateLimited(this.now.plus(Duration.ofMinutes(i)), null);
		}

		assertThat(last).isEqualTo(Duration.ofSeconds(60));
	}

}
