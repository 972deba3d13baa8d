package io.reelay.downloader;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How videos are fetched from providers.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a download may go without receiving a byte before it is
 * abandoned
 */
@ConfigurationProperties("reelay.downloader")
public record DownloaderProperties(@DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout) {

}
