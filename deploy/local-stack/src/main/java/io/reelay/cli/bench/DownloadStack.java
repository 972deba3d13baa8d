package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;

/**
 * What {@code reelay bench download} runs against, all in this JVM: a Kafka broker, an
 * S3-compatible server with the bench's bucket, and one simulator per video size.
 *
 * @param files where file copies go
 * @param small the video of the warm-ups and of the first heap run
 * @param large the video of the throughput runs and of the second heap run
 */
record DownloadStack(String bootstrapServers, String s3Endpoint, MinioClient minio, Path files, DownloadVideo small,
		DownloadVideo large) {

	private static final String ACCESS_KEY = "reelay-bench";

	private static final String SECRET_KEY = "reelay-bench-secret";

	/**
	 * Starts the broker, the S3 server and the two videos' simulators, each tracked by
	 * {@code started} to be stopped at the end.
	 */
	static DownloadStack start(DownloadBench.Settings settings, DownloadResources started, PrintWriter out)
			throws Exception {
		LocalKafkaBroker broker = started.track(LocalKafkaBroker.startTemporary());
		Path work = started.trackDirectory(Files.createTempDirectory("reelay-bench-download-"));
		Path s3Data = work.resolve("s3");
		if (settings.keepObjects()) {
			s3Data = settings.dataDirectory()
				.resolve(DownloadBench.KEPT_DIRECTORY)
				.resolve("s3")
				.toAbsolutePath()
				.normalize();
			DownloadResources.deleteRecursively(s3Data);
		}
		LocalS3Server s3 = started.track(LocalS3Server.start(s3Data, 0, ACCESS_KEY, SECRET_KEY));
		MinioClient minio = started.track(MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(ACCESS_KEY, SECRET_KEY)
			.region("us-east-1")
			.build());
		if (!minio.bucketExists(BucketExistsArgs.builder().bucket(DownloadBench.BUCKET).build())) {
			minio.makeBucket(MakeBucketArgs.builder().bucket(DownloadBench.BUCKET).build());
		}
		DownloadVideo small = started.track(DownloadVideo.start(settings.smallSize()));
		DownloadVideo large = started.track(DownloadVideo.start(settings.size()));
		for (DownloadVideo video : List.of(large, small)) {
			out.println(Text.format("  %s video: task %s, %,d bytes, SHA-256 %s", video.label(), video.task().id(),
					video.bytes(), video.sha256()));
		}
		out.println(Text.format("  S3 server data: %s%s", s3Data,
				settings.keepObjects() ? " (kept)" : " (deleted at the end)"));
		out.flush();
		return new DownloadStack(broker.bootstrapServers(), s3.endpoint().toString(), minio,
				Files.createDirectories(work.resolve("files")), small, large);
	}

	/**
	 * The settings of a downloader against this stack, quiet but for Reelay's own log.
	 */
	Map<String, String> downloaderSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("reelay.kafka.bootstrap-servers", this.bootstrapServers);
		settings.put("reelay.storage.endpoint", this.s3Endpoint);
		settings.put("reelay.storage.access-key", ACCESS_KEY);
		settings.put("reelay.storage.secret-key", SECRET_KEY);
		settings.put("reelay.storage.bucket", DownloadBench.BUCKET);
		settings.put("reelay.providers.generic.base-url",
				this.small.simulator().baseUrl(DownloadVideo.PROVIDER).toString());
		settings.put("reelay.providers.generic.api-key", this.small.simulator().apiKey());
		// loopback is refused unless allowlisted
		settings.put("reelay.downloader.allowed-hosts", this.small.hostAndPort() + "," + this.large.hostAndPort());
		settings.put("spring.main.banner-mode", "off");
		settings.put("logging.level.root", "WARN");
		settings.put("logging.level.io.reelay", "INFO");
		return settings;
	}

}
