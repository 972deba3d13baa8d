package io.reelay.health;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;

/**
 * Logs when a dependency goes down or comes back, once per change: probes check every few
 * seconds, and a log line per failed check would bury everything else.
 */
final class HealthTransitions {

	private static final Logger log = LoggerFactory.getLogger(HealthTransitions.class);

	private final String what;

	private Boolean up;

	HealthTransitions(String what) {
		this.what = what;
	}

	synchronized Health.Builder up(Health.Builder health) {
		if (Boolean.FALSE.equals(this.up)) {
			log.info("{} is reachable again", this.what);
		}
		this.up = true;
		return health;
	}

	/** Down, saying why and where. */
	synchronized Health.Builder down(Throwable why, Object where) {
		if (!Boolean.FALSE.equals(this.up)) {
			log.warn("{} is unreachable ({}): {}", this.what, where, why.toString());
		}
		this.up = false;
		return Health.down(why).withDetail("target", String.valueOf(where));
	}

}
