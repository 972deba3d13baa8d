package io.reelay.media;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the submitter handles images, videos and audios named in requests.
 *
 * @param maxInlineSize the largest {@code data:} URL a request may carry, as sent
 * (base64); larger files go into the bucket and travel as {@code s3://} URIs, so that
 * records stay well under Kafka's 1 MB message limit
 * @param presignValidity how long presigned URLs given to providers stay valid
 * @param inputPrefix where files sent inline are put when a provider only takes URLs
 */
@ConfigurationProperties("reelay.media")
public record MediaProperties(@DefaultValue("512KB") DataSize maxInlineSize,
		@DefaultValue("1h") Duration presignValidity, @DefaultValue("inputs/") String inputPrefix) {

}
