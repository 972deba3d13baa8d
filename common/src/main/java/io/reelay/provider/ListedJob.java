package io.reelay.provider;

import java.time.Instant;

/** A job as a provider's list API shows it: enough to tell when it was created. */
public record ListedJob(String id, Instant createdAt) {
}
