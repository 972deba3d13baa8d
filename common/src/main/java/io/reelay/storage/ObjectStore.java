package io.reelay.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
	 * Writes a small object whose SHA-256 is already known, metadata included, in one
	 * request.
	 */
	StoredObject putComplete(String key, byte[] content, int length, String sha256, String contentType,
			Map<String, String> metadata);

	/**
	 * Starts a multipart upload to {@code key}, for content too large to hold in memory.
	 * @param metadata user metadata; the SHA-256 is added when the upload completes
	 */
	ObjectUpload startUpload(String key, String contentType, Map<String, String> metadata);

	/** Bytes per part of {@link #startUpload} uploads (at least 5 MiB). */
	int partSize();

	/** Keys under {@code prefix} with a multipart upload started and not yet ended. */
	List<String> incompleteUploads(String prefix);

	/**
	 * Aborts every unfinished multipart upload to exactly {@code key}, such as one left
	 * by a downloader that was killed mid-upload.
	 * @return how many were aborted
	 */
	int abortIncompleteUploads(String key);

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
