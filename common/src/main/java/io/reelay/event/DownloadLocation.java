package io.reelay.event;

import java.time.Instant;

/**
 * Where the provider serves a finished video. Reelay sends the provider's credentials
 * only when the URL has the same origin as the provider's configured API.
 *
 * @param expiresAt when the provider stops serving the URL, if it says
 */
public record DownloadLocation(String url, Instant expiresAt) {

}
