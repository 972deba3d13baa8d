package io.reelay.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Reelay's bucket. Implementations stream: memory use does not grow with object size. */
public interface ObjectStore {

	/** User-metadata name under which {@link #put} records the content's SHA-256. */
	String SHA256 = "sha256";

	String bucket();

	/**
	 * A complete object written by {@link #put}; empty when the key is free or holds an
	 * object whose write did not finish (no recorded SHA-256).
	 */
	Optional<StoredObject> find(String key);

	/**
	 * Streams {@code body} into {@code key}, computing size and SHA-256 on the way and
	 * recording the SHA-256 in the object's metadata once the content is complete.
	 * @param size the exact length, or -1 when unknown (multipart upload)
	 */
	StoredObject put(String key, InputStream body, long size, String contentType, Map<String, String> metadata);

	/**
	 * Size and content type of any object, complete or not (files users put in the bucket
	 * have no recorded SHA-256); empty when the key is free.
	 */
	Optional<ObjectFacts> stat(String key);

	/** A URL anyone can GET the object from until it expires. */
	URI presignedGet(String key, Duration validFor);

	/** The object's content; the caller closes the stream. */
	InputStream open(String key);

}
