package io.reelay.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackOffTests {

	private final ReelayKafkaProperties.Retry retry = new ReelayKafkaProperties.Retry(Duration.ofSeconds(1),
			Duration.ofSeconds(30), 5);

	@Test
	void stopsAfterTheConfiguredRetriesWithWaitsThatGrow() {
		BackOffExecution waits = KafkaConfiguration.backOff(this.retry, -1).start();
		long first = waits.nextBackOff();
		long second = waits.nextBackOff();
		waits.nextBackOff();
		waits.nextBackOff();
		waits.nextBackOff();
		assertThat(first).isBetween(750L, 1250L);
		assertThat(second).isGreaterThan(first);
		assertThat(waits.nextBackOff()).isEqualTo(BackOffExecution.STOP);
	}

	@Test
	void startsWithTheWaitTheProviderAskedFor() {
		assertThat(KafkaConfiguration.backOff(this.retry, 7000).start().nextBackOff()).isBetween(5250L, 8750L);
	}

	@Test
	void neverWaitsLongerThanTheLongestWaitWhateverTheProviderAsks() {
		BackOff backOff = KafkaConfiguration.backOff(this.retry, Duration.ofHours(1).toMillis());
		BackOffExecution waits = backOff.start();
		for (int i = 0; i < 5; i++) {
			assertThat(waits.nextBackOff()).isLessThanOrEqualTo(Duration.ofSeconds(30).toMillis() * 5 / 4);
		}
	}

}
