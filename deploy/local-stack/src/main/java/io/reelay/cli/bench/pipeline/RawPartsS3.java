package io.reelay.cli.bench.pipeline;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.reelay.cli.bench.Text;

/**
 * The S3 server's raw PUT rate for objects of the video size: a plain MinIO client (its
 * defaults, as Reelay's store uses it) puts objects of known length from a few threads,
 * under {@value #PREFIX}, and deletes them afterwards (not timed).
 */
final class RawPartsS3 {

	static final String PREFIX = "bench-parts/";

	/**
	 * The MinIO client makes its calls through OkHttp's dispatcher, which by default runs
	 * at most five requests to a host at once, however many threads call it; Reelay's
	 * store uses the same defaults. (With a dispatcher widened to eight, this machine put
	 * fewer objects a second, not more.)
	 */
	static final int CLIENT_REQUESTS_PER_HOST = 5;

	private final MinioClient minio;

	private final String bucket;

	private final String run = UUID.randomUUID().toString();

	private final byte[] object;

	private RawPartsS3(MinioClient minio, String bucket, byte[] object) {
		this.minio = minio;
		this.bucket = bucket;
		this.object = object;
	}

	static PartRates.Run measure(MinioClient minio, String bucket, int puts, int warmup, int threads, long bytes)
			throws Exception {
		if (bytes > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("objects of at most 2 GB, got " + bytes + " bytes");
		}
		if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
			minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
		}
		byte[] object = new byte[(int) bytes];
		// not compressible, like a video
		new Random(7).nextBytes(object);
		RawPartsS3 s3 = new RawPartsS3(minio, bucket, object);
		try {
			RawPartsCalls.run(warmup, threads, (index) -> s3.put("warmup-" + index));
			Duration took = RawPartsCalls.run(puts, threads, (index) -> s3.put("timed-" + index));
			String how = Text.format(
					"PUT %,d B of known length, %d threads, MinIO client defaults (at most %d in flight)", bytes,
					threads, Math.min(threads, CLIENT_REQUESTS_PER_HOST));
			return new PartRates.Run(puts, warmup, bytes, threads, took, how);
		}
		finally {
			s3.delete(warmup, puts);
		}
	}

	private void put(String name) throws Exception {
		this.minio.putObject(PutObjectArgs.builder()
			.bucket(this.bucket)
			.object(keyOf(name))
			.stream(new ByteArrayInputStream(this.object), this.object.length, -1)
			.contentType("video/mp4")
			.build());
	}

	private String keyOf(String name) {
		return PREFIX + this.run + "/" + name;
	}

	/**
	 * Deletes every object this run may have put (the client sends a thousand keys a
	 * request; keys that were never put are no error).
	 */
	private void delete(int warmup, int puts) throws Exception {
		List<DeleteObject> keys = new ArrayList<>();
		for (int i = 0; i < warmup; i++) {
			keys.add(new DeleteObject(keyOf("warmup-" + i)));
		}
		for (int i = 0; i < puts; i++) {
			keys.add(new DeleteObject(keyOf("timed-" + i)));
		}
		for (Result<DeleteError> error : this.minio
			.removeObjects(RemoveObjectsArgs.builder().bucket(this.bucket).objects(keys).build())) {
			DeleteError deleteError = error.get();
			throw new IllegalStateException(
					"could not delete " + deleteError.objectName() + ": " + deleteError.message());
		}
	}

}
