package io.reelay.poller;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelayTiersTests {

	private final DelayTiers tiers = new DelayTiers(
			List.of(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(8)));

	@Test
	void namesEachTopicAfterItsDelay() {
		assertThat(this.tiers.topics()).containsExactly("video.poll-delay-8m", "video.poll-delay-30s",
				"video.poll-delay-1s", "video.poll-delay-250ms");
		assertThat(this.tiers.delayOf("video.poll-delay-30s")).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void sendsAWaitToTheLongestDelayThatFitsInIt() {
		assertThat(this.tiers.topicFor(Duration.ofSeconds(47))).isEqualTo("video.poll-delay-30s");
		assertThat(this.tiers.topicFor(Duration.ofSeconds(30))).isEqualTo("video.poll-delay-30s");
		assertThat(this.tiers.topicFor(Duration.ofMinutes(20))).isEqualTo("video.poll-delay-8m");
		assertThat(this.tiers.topicFor(Duration.ofMillis(900))).isEqualTo("video.poll-delay-250ms");
	}

	@Test
	void sendsAWaitShorterThanEveryDelayToTheShortest() {
		assertThat(this.tiers.topicFor(Duration.ofMillis(40))).isEqualTo("video.poll-delay-250ms");
		assertThat(this.tiers.topicFor(Duration.ofMillis(-5))).isEqualTo("video.poll-delay-250ms");
	}

	@Test
	void knowsItsOwnTopicsOnly() {
		assertThat(this.tiers.isTier("video.poll-delay-1s")).isTrue();
		assertThat(this.tiers.isTier("video.submitted")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> this.tiers.delayOf("video.submitted"));
	}

	@Test
	void refusesADelayThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DelayTiers(List.of(Duration.ZERO)))
			.withMessageContaining("reelay.poller.delay-tiers must be positive");
	}

}
