package io.reelay.health;

import java.time.Duration;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.reelay.storage.StorageProperties;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Reelay's bucket is there: a {@code HeadBucket} with the service's storage
 * settings, through a client of its own whose timeouts are short (the store's own client
 * waits minutes for a large upload).
 */
public final class S3HealthIndicator implements HealthIndicator, DisposableBean {

	private final MinioClient client;

	private final String bucket;

	private final String endpoint;

	private final HealthTransitions transitions = new HealthTransitions("S3");

	public S3HealthIndicator(StorageProperties storage, Duration timeout) {
		this.client = MinioClient.builder()
			.endpoint(storage.endpoint().toString())
			.region(storage.region())
			.credentials(storage.accessKey(), storage.secretKey())
			.build();
		long millis = timeout.toMillis();
		this.client.setTimeout(millis, millis, millis);
		this.bucket = storage.bucket();
		this.endpoint = storage.endpoint().toString();
	}

	@Override
	public Health health() {
		try {
			if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build())) {
				return this.transitions
					.down(new IllegalStateException("bucket " + this.bucket + " does not exist"), this.endpoint)
					.withDetail("bucket", this.bucket)
					.build();
			}
			return this.transitions.up(Health.up().withDetail("bucket", this.bucket)).build();
		}
		catch (Exception ex) {
			return this.transitions.down(ex, this.endpoint).withDetail("bucket", this.bucket).build();
		}
	}

	@Override
	public void destroy() throws Exception {
		this.client.close();
	}

}
