package io.reelay.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;

/**
 * The copies Reelay is compared with, in this JVM and as bare as they come: the JDK's
 * HTTP client streaming the simulator's file to a file, and the same GET streamed into
 * the bucket by a plain MinIO client {@code putObject} of known length (the client picks
 * its part size). Each returns how long it took; checking what it wrote is not timed.
 */
final class DownloadPlainCopies {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final MinioClient minio;

	private final String bucket;

	DownloadPlainCopies(MinioClient minio, String bucket) {
		this.minio = minio;
		this.bucket = bucket;
	}

	/** Simulator → {@code file} with the JDK client ({@code BodyHandlers.ofFile}). */
	Duration toFile(URI url, Path file) throws IOException, InterruptedException {
		long start = System.nanoTime();
		HttpResponse<Path> response = this.http.send(get(url), BodyHandlers.ofFile(file));
		long end = System.nanoTime();
		requireOk(response, url);
		return Duration.ofNanos(end - start);
	}

	/**
	 * Simulator → S3 at {@code key}: the JDK client's response stream handed to the MinIO
	 * client's {@code putObject(stream, contentLength, -1)}.
	 */
	Duration toS3(URI url, String key) throws Exception {
		long start = System.nanoTime();
		HttpResponse<InputStream> response = this.http.send(get(url), BodyHandlers.ofInputStream());
		try (InputStream body = response.body()) {
			requireOk(response, url);
			long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
			if (length < 0) {
				throw new IOException("the simulator did not say how long its file is");
			}
			this.minio.putObject(PutObjectArgs.builder()
				.bucket(this.bucket)
				.object(key)
				.stream(body, length, -1)
				.contentType("video/mp4")
				.build());
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	/** The length and SHA-256 of a file, read back. */
	static Read readBack(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return Read.of(in);
		}
	}

	private static HttpRequest get(URI url) {
		return HttpRequest.newBuilder(url).GET().build();
	}

	private static void requireOk(HttpResponse<?> response, URI url) throws IOException {
		if (response.statusCode() != 200) {
			throw new IOException("the simulator answered HTTP " + response.statusCode() + " for " + url.getPath());
		}
	}

	/** What a read-back found: bytes and their SHA-256. */
	record Read(long bytes, String sha256) {

		static Read of(InputStream in) throws IOException {
			MessageDigest digest = DownloadVideo.newDigest();
			long bytes = 0;
			byte[] buffer = new byte[256 * 1024];
			try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
				for (int read = digesting.read(buffer); read >= 0; read = digesting.read(buffer)) {
					bytes += read;
				}
			}
			return new Read(bytes, HexFormat.of().formatHex(digest.digest()));
		}

	}

}
