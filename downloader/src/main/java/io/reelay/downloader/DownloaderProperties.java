package io.reelay.downloader;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How videos are fetched from providers and stored.
 *
 * @param maxConcurrent downloads one instance runs at once; each holds two upload parts
 * ({@code reelay.storage.part-size}) in memory
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long a download may go without receiving a byte before the
 * connection is given up (and the download resumed)
 * @param maxSize the largest video accepted; a larger one fails with INVALID_CONTENT
 * @param maxRedirects redirects followed from a download URL, each checked like the URL
 * @param allowedHosts {@code host} or {@code host:port} entries the downloader may reach
 * even when they resolve to internal addresses (the local stack's simulator)
 * @param retry how failed downloads are retried
 * @param presign whether {@code video.stored} carries a presigned GET URL
 * @param shutdownTimeout how long a stopping downloader lets the downloads it runs finish
 * (and commits them) before it abandons the rest, which are then delivered again
 */
@ConfigurationProperties("reelay.downloader")
public record DownloaderProperties(@DefaultValue("4") int maxConcurrent, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("4GB") DataSize maxSize,
		@DefaultValue("5") int maxRedirects, List<String> allowedHosts,
		@DefaultValue @NestedConfigurationProperty Retry retry,
		@DefaultValue @NestedConfigurationProperty Presign presign, @DefaultValue("30s") Duration shutdownTimeout) {

	private static final DataSize LARGEST_COPY = DataSize.ofGigabytes(5);

	public DownloaderProperties {
		if (maxConcurrent < 1) {
			throw new IllegalArgumentException("reelay.downloader.max-concurrent must be at least 1");
		}
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
		shutdownTimeout = (shutdownTimeout != null) ? shutdownTimeout : Duration.ofSeconds(30);
		if (shutdownTimeout.isNegative()) {
			throw new IllegalArgumentException(
					"reelay.downloader.shutdown-timeout cannot be negative: " + shutdownTimeout);
		}
		if (maxSize != null && maxSize.toBytes() > LARGEST_COPY.toBytes()) {
			// the SHA-256 is recorded by copying the object onto itself
			throw new IllegalArgumentException("reelay.downloader.max-size can be at most 5GB, the largest object S3 "
					+ "copies in one request: " + maxSize);
		}
	}

	/**
	 * @param firstWait wait before the first retry; doubles, with jitter, each time
	 * @param maxWait the longest wait between attempts
	 * @param maxAttempts attempts at a download (resumes inside one do not count) before
	 * the request fails with DOWNLOAD_FAILED; with the default waits, about 10 minutes,
	 * so a short outage of the network or the bucket does not lose a paid video
	 * @param notReadyWindow how long after the provider reported completion a 400, 403 or
	 * 404 still means "not ready yet" (OpenAI's {@code /content} answers so for a few
	 * seconds) and is retried
	 * @param maxResumes resumes with {@code Range} within one attempt after the
	 * connection broke mid-body
	 */
	public record Retry(@DefaultValue("1s") Duration firstWait, @DefaultValue("60s") Duration maxWait,
			@DefaultValue("15") int maxAttempts, @DefaultValue("60s") Duration notReadyWindow,
			@DefaultValue("5") int maxResumes) {
	}

	/**
	 * @param enabled sign a GET URL for each stored video and put it in
	 * {@code video.stored}
	 * @param validFor how long the URL works (S3 allows at most 7 days)
	 */
	public record Presign(@DefaultValue("false") boolean enabled, @DefaultValue("24h") Duration validFor) {

		public Presign {
			if (validFor != null
					&& (validFor.isNegative() || validFor.isZero() || validFor.compareTo(Duration.ofDays(7)) > 0)) {
				throw new IllegalArgumentException(
						"reelay.downloader.presign.valid-for must be more than 0 and at most 7 days (S3's limit): "
								+ validFor);
			}
		}

	}

}
