package io.reelay.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.ObjectWriteResponse;

/**
 * A single PUT of bytes already in memory, through the MinIO client's byte-array path.
 * Its {@code putObject} takes only a stream, which costs each PUT a new thread to read it
 * (where the common pool has a single thread, as on two cores), a second hash of the
 * bytes, and a new HTTP client, built so as not to retry a body it cannot replay: that
 * build, which compares every trusted root certificate, was the downloader's hottest code
 * in {@code reelay bench pipeline}.
 */
final class InMemoryPuts extends MinioAsyncClient {

	private static final String USER_METADATA_PREFIX = "x-amz-meta-";

	InMemoryPuts(MinioAsyncClient client) {
		super(client);
	}

	/**
	 * Puts the first {@code length} bytes of {@code content} as {@code key}.
	 * @param metadata user metadata, as {@code PutObjectArgs.userMetadata} takes it
	 */
	CompletableFuture<ObjectWriteResponse> put(String bucket, String key, byte[] content, int length,
			String contentType, Map<String, String> metadata) throws Exception {
		Multimap<String, String> headers = newMultimap("Content-Type", contentType);
		metadata.forEach((name, value) -> headers.put(USER_METADATA_PREFIX + name, value));
		return putObjectAsync(bucket, null, key, content, length, headers, null);
	}

}
