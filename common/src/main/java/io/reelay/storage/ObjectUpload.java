package io.reelay.storage;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An object being written part by part (an S3 multipart upload). Nothing is visible at
 * its key until {@link #complete}; {@link #abort} removes the parts already sent, so a
 * download that fails half-way leaves nothing behind to pay for.
 */
public interface ObjectUpload {

	String key();

	/**
	 * Sends the next part. Every part but the last must be at least 5 MiB; the caller
	 * must not touch {@code bytes} until the returned future completes.
	 */
	CompletableFuture<Void> sendPart(byte[] bytes, int length);

	/**
	 * Joins the parts sent into the object and records its SHA-256 and {@code more}
	 * metadata known only now, after which {@link ObjectStore#find} sees it.
	 */
	StoredObject complete(long size, String sha256, Map<String, String> more);

	/** Throws the parts away; harmless when already completed or aborted. */
	void abort();

}
