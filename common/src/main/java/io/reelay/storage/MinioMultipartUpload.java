package io.reelay.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import io.minio.MinioAsyncClient;
import io.minio.messages.Part;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A multipart upload driven part by part, so the caller chooses when each part goes and
 * can abort: the MinIO client's own unknown-length upload reads the stream itself and
 * cannot be told to throw its parts away.
 */
final class MinioMultipartUpload implements ObjectUpload {

	private static final Logger log = LoggerFactory.getLogger(MinioMultipartUpload.class);

	private final MinioAsyncClient client;

	private final MinioObjectStore store;

	private final String key;

	private final String contentType;

	private final Map<String, String> metadata;

	private final String uploadId;

	private final List<CompletableFuture<Part>> parts = new ArrayList<>();

	private boolean finished;

	private MinioMultipartUpload(MinioAsyncClient client, MinioObjectStore store, String key, String contentType,
			Map<String, String> metadata, String uploadId) {
		this.client = client;
		this.store = store;
		this.key = key;
		this.contentType = contentType;
		this.metadata = Map.copyOf(metadata);
		this.uploadId = uploadId;
	}

	static MinioMultipartUpload start(MinioAsyncClient client, MinioObjectStore store, String key, String contentType,
			Map<String, String> metadata) {
		Multimap<String, String> headers = HashMultimap.create();
		headers.put("Content-Type", contentType);
		metadata.forEach((name, value) -> headers.put("x-amz-meta-" + name, value));
		try {
			String uploadId = client.createMultipartUploadAsync(store.bucket(), null, key, headers, null)
				.join()
				.result()
				.uploadId();
			return new MinioMultipartUpload(client, store, key, contentType, metadata, uploadId);
		}
		catch (Exception ex) {
			throw store.failure("start uploading " + key, unwrap(ex));
		}
	}

	@Override
	public String key() {
		return this.key;
	}

	@Override
	public CompletableFuture<Void> sendPart(byte[] bytes, int length) {
		int number = this.parts.size() + 1;
		CompletableFuture<Part> part;
		try {
			part = this.client
				.uploadPartAsync(this.store.bucket(), null, this.key, bytes, length, this.uploadId, number, null, null)
				.thenApply((response) -> new Part(number, response.etag()));
		}
		catch (Exception ex) {
			part = CompletableFuture.failedFuture(ex);
		}
		this.parts.add(part);
		return part.handle((done, ex) -> {
			if (ex != null) {
				throw this.store.failure("upload part " + number + " of " + this.key, unwrap(ex));
			}
			return null;
		});
	}

	@Override
	public StoredObject complete(long size, String sha256, Map<String, String> more) {
		try {
			Part[] sent = this.parts.stream().map(CompletableFuture::join).toArray(Part[]::new);
			this.client
				.completeMultipartUploadAsync(this.store.bucket(), null, this.key, this.uploadId, sent, null, null)
				.join();
			this.finished = true;
		}
		catch (Exception ex) {
			throw this.store.failure("complete the upload of " + this.key, unwrap(ex));
		}
		Map<String, String> recorded = new HashMap<>(this.metadata);
		recorded.putAll(more);
		return this.store.recordSha256(this.key, size, sha256, this.contentType, recorded);
	}

	@Override
	public void abort() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		// a part still in flight would land after the abort and be kept by the server
		this.parts.forEach((part) -> part.handle((done, ex) -> null).join());
		try {
			this.client.abortMultipartUploadAsync(this.store.bucket(), null, this.key, this.uploadId, null, null)
				.join();
		}
		catch (Exception ex) {
			log.warn("could not abort the upload of {} ({}); a lifecycle rule that aborts incomplete uploads "
					+ "removes its parts later", this.key, unwrap(ex).toString());
		}
	}

	private static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

}
