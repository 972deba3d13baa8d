package io.reelay.cli.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;

/**
 * The three copies the bench times, each checked afterwards, untimed, against the
 * simulator's file: read back and its SHA-256 compared. A copy that holds other bytes, or
 * a request the downloader failed, ends the bench.
 */
final class DownloadCopies {

	/** The slowest transfer waited for: 60 s plus 2 MiB/s. */
	private static final long SLOWEST_BYTES_PER_SECOND = 2L * 1024 * 1024;

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final DownloadPlainCopies plain;

	private final DownloadEvents events;

	private final MinioClient minio;

	private final String bucket;

	private final Path files;

	private final boolean keepObjects;

	private int copies;

	/**
	 * @param files where file copies go, each deleted once checked
	 * @param keepObjects keep objects once checked, instead of deleting them
	 */
	DownloadCopies(DownloadEvents events, MinioClient minio, String bucket, Path files, boolean keepObjects) {
		this.plain = new DownloadPlainCopies(minio, bucket);
		this.events = events;
		this.minio = minio;
		this.bucket = bucket;
		this.files = files;
		this.keepObjects = keepObjects;
	}

	/**
	 * Watches one transfer by the downloader: begins right before {@code video.completed}
	 * is published and ends once its outcome arrived, before the copy is checked.
	 */
	interface Watch {

		Watch NONE = new Watch() {
		};

		default void begin() throws Exception {
		}

		default void end() throws Exception {
		}

	}

	/**
	 * Simulator → S3 by the downloader: from publishing {@code video.completed} to
	 * receiving its {@code video.stored}.
	 */
	Duration reelay(DownloadVideo video, ServiceProcess downloader) throws Exception {
		return reelay(video, downloader, Watch.NONE);
	}

	/** As {@link #reelay(DownloadVideo, ServiceProcess)}, watched. */
	Duration reelay(DownloadVideo video, ServiceProcess downloader, Watch watch) throws Exception {
		String requestId = "bench-" + this.runId + "-" + (++this.copies);
		watch.begin();
		long start = System.nanoTime();
		DownloadEvents.Outcome outcome;
		try {
			CompletableFuture<DownloadEvents.Outcome> pending = this.events.publishCompleted(requestId, video);
			outcome = await(pending, requestId, video, downloader);
		}
		finally {
			watch.end();
		}
		VideoFailed failed = outcome.failed();
		if (failed != null) {
			throw new IllegalStateException("the downloader failed request " + requestId + " (" + video.label() + "): "
					+ failed.code() + ": " + failed.message());
		}
		Duration took = Duration.ofNanos(outcome.arrivedNanos() - start);
		VideoStored stored = outcome.stored();
		check(video.mismatch("Reelay's video.stored event", stored.size(), stored.sha256()));
		checkObject(stored.key(), video, "the object Reelay stored");
		return took;
	}

	private static DownloadEvents.Outcome await(CompletableFuture<DownloadEvents.Outcome> pending, String requestId,
			DownloadVideo video, ServiceProcess downloader) throws Exception {
		Duration timeout = Duration.ofSeconds(60 + video.bytes() / SLOWEST_BYTES_PER_SECOND);
		long until = System.nanoTime() + timeout.toNanos();
		while (true) {
			try {
				return pending.get(1, TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("reading the terminal events failed: " + ex.getCause(), ex.getCause());
			}
			catch (TimeoutException ex) {
				if (!downloader.isAlive()) {
					throw new IllegalStateException(downloader.obituary());
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException("no video.stored or video.failed for request " + requestId + " ("
							+ video.label() + ") within " + timeout + "; see " + downloader.log());
				}
			}
		}
	}

	/** Simulator → file with the JDK client. */
	Duration file(DownloadVideo video) throws Exception {
		Path file = this.files.resolve("copy-" + (++this.copies) + ".mp4");
		Duration took = this.plain.toFile(video.url(), file);
		DownloadPlainCopies.Read read = DownloadPlainCopies.readBack(file);
		check(video.mismatch("the file copy", read.bytes(), read.sha256()));
		Files.delete(file);
		return took;
	}

	/** Simulator → S3 with the bare MinIO client. */
	Duration minio(DownloadVideo video) throws Exception {
		String key = "plain/" + this.runId + "-" + (++this.copies) + ".mp4";
		Duration took = this.plain.toS3(video.url(), key);
		checkObject(key, video, "the object the MinIO copy stored");
		return took;
	}

	/** Reads an object back and compares it with the simulator's file. */
	private void checkObject(String key, DownloadVideo video, String what) throws Exception {
		DownloadPlainCopies.Read read;
		try (InputStream in = this.minio.getObject(GetObjectArgs.builder().bucket(this.bucket).object(key).build())) {
			read = DownloadPlainCopies.Read.of(in);
		}
		check(video.mismatch(what + " at " + key, read.bytes(), read.sha256()));
		if (!this.keepObjects) {
			this.minio.removeObject(RemoveObjectArgs.builder().bucket(this.bucket).object(key).build());
		}
	}

	private static void check(String problem) {
		if (problem != null) {
			throw new IllegalStateException(problem);
		}
	}

}
