package io.reelay.event;

import java.time.Instant;

/**
 * When each stage finished its part of a request: submission, generation (as seen by the
 * poller) and storage.
 */
public record StageTimings(Instant requestedAt, Instant submittedAt, Instant completedAt, Instant storedAt) {

}
