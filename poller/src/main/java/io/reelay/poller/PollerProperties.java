package io.reelay.poller;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often jobs are polled.
 *
 * @param interval the wait between two status checks of one job, and before the first
 */
@ConfigurationProperties("reelay.poller")
public record PollerProperties(@DefaultValue("5s") Duration interval) {

}
