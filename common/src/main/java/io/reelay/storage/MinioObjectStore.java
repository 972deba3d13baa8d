package io.reelay.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.Directive;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Upload;

/** {@link ObjectStore} on any S3-compatible server, through the MinIO client. */
public final class MinioObjectStore implements ObjectStore, AutoCloseable {

	private final MinioClient client;

	/** For multipart uploads driven part by part, which only the async client offers. */
	private final MinioAsyncClient asyncClient;

	/** Single PUTs of bytes in memory: see {@link InMemoryPuts}. */
	private final InMemoryPuts inMemoryPuts;

	private final String bucket;

	private final long partSize;

	public MinioObjectStore(StorageProperties properties) {
		this.client = MinioClient.builder()
			.endpoint(properties.endpoint().toString())
			.region(properties.region())
			.credentials(properties.accessKey(), properties.secretKey())
			.build();
		this.asyncClient = MinioAsyncClient.builder()
			.endpoint(properties.endpoint().toString())
			.region(properties.region())
			.credentials(properties.accessKey(), properties.secretKey())
			.build();
		this.inMemoryPuts = new InMemoryPuts(this.asyncClient);
		this.bucket = properties.bucket();
		this.partSize = properties.partSize().toBytes();
	}

	@Override
	public int partSize() {
		return (int) this.partSize;
	}

	@Override
	public String bucket() {
		return this.bucket;
	}

	/** Creates the bucket unless it exists. */
	public void ensureBucket() {
		try {
			if (!this.client.bucketExists(BucketExistsArgs.builder().bucket(this.bucket).build())) {
				this.client.makeBucket(MakeBucketArgs.builder().bucket(this.bucket).build());
			}
		}
		catch (ErrorResponseException ex) {
			if (!"BucketAlreadyOwnedByYou".equals(ex.errorResponse().code())) {
				throw failure("create bucket " + this.bucket, ex);
			}
		}
		catch (Exception ex) {
			throw failure("create bucket " + this.bucket, ex);
		}
	}

	@Override
	public Optional<StoredObject> find(String key) {
		StatObjectResponse stat = statOrNull(key);
		if (stat == null) {
			return Optional.empty();
		}
		Map<String, String> metadata = lowerCaseKeys(stat.userMetadata());
		String sha256 = metadata.get(SHA256);
		if (sha256 == null) {
			return Optional.empty();
		}
		return Optional.of(new StoredObject(this.bucket, key, stat.size(), sha256, stat.contentType(), metadata));
	}

	@Override
	public Optional<ObjectFacts> stat(String key) {
		StatObjectResponse stat = statOrNull(key);
		return (stat != null) ? Optional.of(new ObjectFacts(key, stat.size(), stat.contentType())) : Optional.empty();
	}

	@Override
	public URI presignedGet(String key, Duration validFor) {
		try {
			return URI.create(this.client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
				.method(Method.GET)
				.bucket(this.bucket)
				.object(key)
				.expiry((int) Math.max(1, Math.min(validFor.toSeconds(), Duration.ofDays(7).toSeconds())))
				.build()));
		}
		catch (Exception ex) {
			throw failure("presign " + key, ex);
		}
	}

	private StatObjectResponse statOrNull(String key) {
		try {
			return this.client.statObject(StatObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (ErrorResponseException ex) {
			if ("NoSuchKey".equals(ex.errorResponse().code()) || "NoSuchObject".equals(ex.errorResponse().code())) {
				return null;
			}
			throw failure("look up " + key, ex);
		}
		catch (Exception ex) {
			throw failure("look up " + key, ex);
		}
	}

	@Override
	public StoredObject put(String key, InputStream body, long size, String contentType, Map<String, String> metadata) {
		DigestingInputStream measured = new DigestingInputStream(body);
		try {
			this.client.putObject(PutObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.stream(measured, size, (size >= 0) ? -1 : this.partSize)
				.contentType(contentType)
				.userMetadata(metadata)
				.build());
		}
		catch (Exception ex) {
			throw failure("upload " + key, ex);
		}
		return recordSha256(key, measured.count(), measured.sha256Hex(), contentType, metadata);
	}

	@Override
	public StoredObject putComplete(String key, byte[] content, int length, String sha256, String contentType,
			Map<String, String> metadata) {
		Map<String, String> complete = new HashMap<>(metadata);
		complete.put(SHA256, sha256);
		try {
			this.inMemoryPuts.put(this.bucket, key, content, length, contentType, complete).join();
		}
		catch (CompletionException ex) {
			throw failure("upload " + key, ex.getCause());
		}
		catch (Exception ex) {
			throw failure("upload " + key, ex);
		}
		return new StoredObject(this.bucket, key, length, sha256, contentType, complete);
	}

	@Override
	public ObjectUpload startUpload(String key, String contentType, Map<String, String> metadata) {
		return MinioMultipartUpload.start(this.asyncClient, this, key, contentType, metadata);
	}

	@Override
	public List<String> incompleteUploads(String prefix) {
		return uploadsUnder(prefix).stream().map(Upload::objectName).toList();
	}

	@Override
	public int abortIncompleteUploads(String key) {
		List<Upload> left = uploadsUnder(key).stream().filter((upload) -> upload.objectName().equals(key)).toList();
		try {
			for (Upload upload : left) {
				this.asyncClient.abortMultipartUploadAsync(this.bucket, null, key, upload.uploadId(), null, null)
					.join();
			}
			return left.size();
		}
		catch (Exception ex) {
			throw failure("abort unfinished uploads of " + key, ex);
		}
	}

	private List<Upload> uploadsUnder(String prefix) {
		try {
			return this.asyncClient
				.listMultipartUploadsAsync(this.bucket, null, null, null, null, 1000, prefix, null, null, null)
				.join()
				.result()
				.uploads();
		}
		catch (Exception ex) {
			throw failure("list incomplete uploads under " + prefix, ex);
		}
	}

	/** Records the SHA-256 of an object a multipart upload completed. */
	StoredObject recordSha256(String key, long size, String sha256, String contentType, Map<String, String> metadata) {
		Map<String, String> complete = new HashMap<>(metadata);
		complete.put(SHA256, sha256);
		recordMetadata(key, contentType, complete);
		return new StoredObject(this.bucket, key, size, sha256, contentType, complete);
	}

	@Override
	public InputStream open(String key) {
		try {
			return this.client.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
		catch (Exception ex) {
			throw failure("read " + key, ex);
		}
	}

	@Override
	public void close() throws Exception {
		this.client.close();
		this.asyncClient.close();
	}

	/**
	 * The SHA-256 is known only after the last byte went up, and S3 fixes metadata when
	 * an upload starts: a server-side copy onto the same key records it. Until then
	 * {@link #find} does not see the object, so a crash in between means a fresh
	 * download, not a bad object.
	 */
	private void recordMetadata(String key, String contentType, Map<String, String> metadata) {
		try {
			this.client.copyObject(CopyObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.source(CopySource.builder().bucket(this.bucket).object(key).build())
				.metadataDirective(Directive.REPLACE)
				.headers(Map.of("Content-Type", contentType))
				.userMetadata(metadata)
				.build());
		}
		catch (Exception ex) {
			throw failure("record the SHA-256 of " + key, ex);
		}
	}

	StorageException failure(String action, Throwable ex) {
		return new StorageException("could not " + action + " in bucket " + this.bucket + ": " + ex.getMessage(), ex);
	}

	private static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
		Map<String, String> lower = new HashMap<>();
		metadata.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
		return lower;
	}

}
