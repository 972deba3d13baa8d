package io.reelay.storage;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Reelay's bucket in an S3-compatible store.
 *
 * @param endpoint the S3 API, e.g. {@code http://localhost:9000} for MinIO
 * @param createBucket create the bucket at start-up when it is missing
 * @param keyTemplate object key of a request's video; see {@link ObjectKeys}
 * @param partSize multipart upload part size (at least 5MB); the downloader holds two
 * parts in memory per download
 */
@ConfigurationProperties("reelay.storage")
public record StorageProperties(@DefaultValue("http://localhost:9000") URI endpoint,
		@DefaultValue("us-east-1") String region, String accessKey, String secretKey,
		@DefaultValue("reelay-videos") String bucket, @DefaultValue("true") boolean createBucket,
		@DefaultValue(ObjectKeys.DEFAULT_TEMPLATE) String keyTemplate, @DefaultValue("16MB") DataSize partSize) {

	public StorageProperties {
		if (partSize != null && partSize.toBytes() < 5L * 1024 * 1024) {
			throw new IllegalArgumentException(
					"reelay.storage.part-size must be at least 5MB (S3's smallest multipart part): " + partSize);
		}
	}

}
