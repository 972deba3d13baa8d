package io.reelay.storage;

import java.util.Map;

/**
 * A video in the bucket, as written by {@link ObjectStore#put}.
 *
 * @param sha256 lowercase hex SHA-256 of the content, computed while it was written
 * @param metadata user metadata (request id, provider, model, sha256)
 */
public record StoredObject(String bucket, String key, long size, String sha256, String contentType,
		Map<String, String> metadata) {

	public StoredObject {
		metadata = Map.copyOf(metadata);
	}

	public String uri() {
		return "s3://" + this.bucket + "/" + this.key;
	}

}
