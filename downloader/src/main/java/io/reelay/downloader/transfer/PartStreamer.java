package io.reelay.downloader.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.ObjectUpload;
import io.reelay.storage.StoredObject;

/**
 * Streams a body into the bucket with two part buffers: while one part uploads the next
 * one is read, so the download and the upload overlap, and memory is two parts whatever
 * the video's size. SHA-256 and size are computed on the way. A body that fits in one
 * part goes up in a single request with its SHA-256 already in the metadata; anything
 * that fails aborts the multipart upload, so no parts are left behind.
 */
final class PartStreamer {

	private final ObjectStore store;

	private final long maxSize;

	PartStreamer(ObjectStore store, long maxSize) {
		this.store = store;
		this.maxSize = maxSize;
	}

	/**
	 * @param expectedSize the announced length, or -1
	 * @param completedMetadata metadata known only once the content is complete
	 */
	StoredObject upload(InputStream body, long expectedSize, String key, String contentType,
			Map<String, String> metadata, Map<String, String> completedMetadata) throws IOException {
		MessageDigest sha256 = sha256();
		int partSize = this.store.partSize();
		// a video announced smaller than a part needs no more than its own size (and one
		// byte to find out it lied)
		int first = (expectedSize >= 0 && expectedSize < partSize) ? (int) expectedSize + 1 : partSize;
		byte[][] buffers = { new byte[first], null };
		int read = readPart(body, buffers[0], sha256, 0);
		if (read < first || first < partSize) {
			requireExpected(read, expectedSize);
			Map<String, String> all = new HashMap<>(metadata);
			all.putAll(completedMetadata);
			return this.store.putComplete(key, buffers[0], read, hex(sha256), contentType, all);
		}
		buffers[1] = new byte[partSize];
		// parts a killed downloader left for this key would otherwise stay forever
		this.store.abortIncompleteUploads(key);
		ObjectUpload upload = this.store.startUpload(key, contentType, metadata);
		try {
			long size = read;
			CompletableFuture<Void> inFlight = upload.sendPart(buffers[0], read);
			for (int part = 1; read == partSize; part++) {
				byte[] buffer = buffers[part % 2];
				read = readPart(body, buffer, sha256, size);
				size += read;
				join(inFlight);
				if (read == 0) {
					break;
				}
				inFlight = upload.sendPart(buffer, read);
			}
			join(inFlight);
			requireExpected(size, expectedSize);
			return upload.complete(size, hex(sha256), completedMetadata);
		}
		catch (IOException | RuntimeException | Error ex) {
			upload.abort();
			throw ex;
		}
	}

	/** Fills the buffer unless the body ends first; returns the bytes read. */
	private int readPart(InputStream body, byte[] buffer, MessageDigest sha256, long before) throws IOException {
		int filled = 0;
		while (filled < buffer.length) {
			int n = body.read(buffer, filled, buffer.length - filled);
			if (n < 0) {
				break;
			}
			filled += n;
			if (before + filled > this.maxSize) {
				throw DownloadFailure.giveUp(FailureCode.INVALID_CONTENT,
						"the video is larger than reelay.downloader.max-size (" + this.maxSize + " bytes)");
			}
		}
		sha256.update(buffer, 0, filled);
		return filled;
	}

	private static void requireExpected(long size, long expectedSize) {
		if (expectedSize >= 0 && size != expectedSize) {
			throw DownloadFailure.retry(
					"the body had " + size + " bytes where the server announced " + expectedSize + ": not stored", null,
					null);
		}
	}

	private static void join(CompletableFuture<Void> part) {
		try {
			part.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof ReelayException) {
				throw (ReelayException) ex.getCause();
			}
			throw ex;
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private static String hex(MessageDigest sha256) {
		return HexFormat.of().formatHex(sha256.digest());
	}

}
