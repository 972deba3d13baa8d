package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.reelay.event.EventType;
import io.reelay.infra.LocalKafkaBroker;
import io.reelay.infra.LocalS3Server;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code reelay bench download}: one video from the provider simulator into the
 * S3-compatible server, by the real downloader service in a JVM of its own with a small
 * heap, against two plain copies of the same bytes in this JVM; then the downloader's
 * heap during one transfer of a small and of a large video. The broker, the S3 server and
 * the simulators run in this JVM. Every copy is checked against the simulator's file.
 */
public final class DownloadBench {

	/** The bucket every copy writes to. */
	public static final String BUCKET = "bench-download";

	private static final String ACCESS_KEY = "reelay-bench";

	private static final String SECRET_KEY = "reelay-bench-secret";

	/**
	 * Where {@link Settings#keepObjects()} keeps the S3 server's data, under the data
	 * directory.
	 */
	public static final String KEPT_DIRECTORY = "bench-download";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Settings settings;

	private final PrintWriter out;

	private final DownloadResources started;

	private String bootstrapServers;

	private String s3Endpoint;

	private MinioClient minio;

	private Path files;

	private DownloadCopies copies;

	private DownloadVideo small;

	private DownloadVideo large;

	private int downloaders;

	/**
	 * How the bench runs.
	 *
	 * @param size the video of the throughput runs and of the second heap run
	 * @param smallSize the video of the first heap run and of every warm-up
	 * @param runs runs of each copy at {@code size}
	 * @param heapLimit the downloader's {@code -Xmx}, e.g. {@code 128m}
	 * @param dataDirectory logs go to its {@code logs}; kept objects to
	 * {@code bench-download/s3}
	 * @param keepObjects keep every object the copies wrote, instead of deleting each
	 * once checked and the S3 server's data at the end
	 */
	public record Settings(DownloadSize size, DownloadSize smallSize, int runs, String heapLimit, Path dataDirectory,
			boolean keepObjects) {

		public Settings {
			if (runs < 1) {
				throw new IllegalArgumentException("at least one run, got " + runs);
			}
		}

	}

	private DownloadBench(Settings settings, PrintWriter out) {
		this.settings = settings;
		this.out = out;
		this.started = new DownloadResources(out);
	}

	/**
	 * Runs the bench, printing what it does, and says what it measured. Whatever it
	 * started is stopped, and its temporary files deleted, when it returns or throws, or
	 * when this JVM is stopped (Ctrl-C) meanwhile.
	 */
	public static DownloadReport run(Settings settings, PrintWriter out) throws Exception {
		DownloadBench bench = new DownloadBench(settings, out);
		Thread onInterrupt = new Thread(bench.started::close, "bench-download-shutdown");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		try {
			return bench.run();
		}
		catch (Exception ex) {
			if (bench.started.closing()) {
				// whatever broke, it broke because everything was being stopped
				throw new IllegalStateException(DownloadResources.STOPPED, ex);
			}
			throw ex;
		}
		finally {
			try {
				Runtime.getRuntime().removeShutdownHook(onInterrupt);
			}
			catch (IllegalStateException shuttingDown) {
				// the hook is running or about to
			}
			bench.started.close();
		}
	}

	private DownloadReport run() throws Exception {
		DownloadHeader.print(this.out, this.settings);
		startInfrastructure();
		List<DownloadReport.Copy> throughput = throughput();
		List<DownloadReport.Heap> heaps = new ArrayList<>();
		for (DownloadVideo video : List.of(this.small, this.large)) {
			heaps.add(heap(video));
		}
		this.out.println();
		return new DownloadReport(throughput.get(0), throughput.get(1), throughput.get(2), this.settings.heapLimit(),
				heaps);
	}

	private void startInfrastructure() throws Exception {
		LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
		this.started.track(broker);
		this.bootstrapServers = broker.bootstrapServers();
		Path work = this.started.trackDirectory(Files.createTempDirectory("reelay-bench-download-"));
		this.files = Files.createDirectories(work.resolve("files"));
		Path s3Data = work.resolve("s3");
		if (this.settings.keepObjects()) {
			s3Data = this.settings.dataDirectory().resolve(KEPT_DIRECTORY).resolve("s3").toAbsolutePath().normalize();
			DownloadResources.deleteRecursively(s3Data);
		}
		LocalS3Server s3 = LocalS3Server.start(s3Data, 0, ACCESS_KEY, SECRET_KEY);
		this.started.track(s3);
		this.s3Endpoint = s3.endpoint().toString();
		this.minio = MinioClient.builder()
			.endpoint(this.s3Endpoint)
			.credentials(ACCESS_KEY, SECRET_KEY)
			.region("us-east-1")
			.build();
		this.started.track(this.minio);
		if (!this.minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
			this.minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
		}
		this.small = this.started.track(DownloadVideo.start(this.settings.smallSize()));
		this.large = this.started.track(DownloadVideo.start(this.settings.size()));
		for (DownloadVideo video : List.of(this.large, this.small)) {
			line("  %s video: task %s, %,d bytes, SHA-256 %s", video.label(), video.task().id(), video.bytes(),
					video.sha256());
		}
		line("  S3 server data: %s%s", s3Data, this.settings.keepObjects() ? " (kept)" : " (deleted at the end)");
	}

	/** The three copies at the large size, in turn, after one warm-up each. */
	private List<DownloadReport.Copy> throughput() throws Exception {
		DownloaderProcess downloader = startDownloader();
		awaitTopics(downloader);
		this.copies = new DownloadCopies(this.started.track(DownloadEvents.start(this.bootstrapServers)), this.minio,
				BUCKET, this.files, this.settings.keepObjects());
		this.copies.reelay(this.small, downloader);
		this.copies.file(this.small);
		this.copies.minio(this.small);
		line("  Warmed up: one %s transfer by each copy, not counted.", this.small.label());
		List<Duration> file = new ArrayList<>();
		List<Duration> minio = new ArrayList<>();
		List<Duration> reelay = new ArrayList<>();
		for (int run = 1; run <= this.settings.runs(); run++) {
			file.add(this.copies.file(this.large));
			minio.add(this.copies.minio(this.large));
			reelay.add(this.copies.reelay(this.large, downloader));
			line("  Run %d/%d at %s: file %s, MinIO %s, Reelay %s", run, this.settings.runs(), this.large.label(),
					Text.seconds(file.get(run - 1)), Text.seconds(minio.get(run - 1)),
					Text.seconds(reelay.get(run - 1)));
		}
		this.started.stop(downloader);
		long bytes = this.large.bytes();
		DownloadSize size = this.large.size();
		return List.of(new DownloadReport.Copy("simulator → file (JDK HttpClient)", size, bytes, file),
				new DownloadReport.Copy("simulator → S3 (bare MinIO client)", size, bytes, minio),
				new DownloadReport.Copy("simulator → S3 (Reelay downloader, -Xmx" + this.settings.heapLimit() + ")",
						size, bytes, reelay));
	}

	/** One transfer of {@code video} in a fresh downloader, its heap sampled. */
	private DownloadReport.Heap heap(DownloadVideo video) throws Exception {
		DownloaderProcess downloader = startDownloader();
		this.copies.reelay(this.small, downloader);
		DownloadHeapSampler sampler = this.started.track(DownloadHeapSampler.attach(downloader.pid()));
		sampler.start();
		Duration took = this.copies.reelay(video, downloader);
		DownloadReport.Heap heap = sampler.stop(video.label());
		this.started.stop(sampler);
		this.started.stop(downloader);
		line("  Heap run at %s: %s (sampled, not comparable with the runs above), peak heap %s MB", video.label(),
				Text.seconds(took), Text.megabytes(heap.peak()));
		return heap;
	}

	private DownloaderProcess startDownloader() throws Exception {
		this.downloaders++;
		Map<String, String> arguments = new LinkedHashMap<>();
		arguments.put("reelay.kafka.bootstrap-servers", this.bootstrapServers);
		arguments.put("reelay.storage.endpoint", this.s3Endpoint);
		arguments.put("reelay.storage.access-key", ACCESS_KEY);
		arguments.put("reelay.storage.secret-key", SECRET_KEY);
		arguments.put("reelay.storage.bucket", BUCKET);
		arguments.put("reelay.providers.generic.base-url",
				this.small.simulator().baseUrl(DownloadVideo.PROVIDER).toString());
		arguments.put("reelay.providers.generic.api-key", this.small.simulator().apiKey());
		// loopback is refused unless allowlisted
		arguments.put("reelay.downloader.allowed-hosts", this.small.hostAndPort() + "," + this.large.hostAndPort());
		arguments.put("spring.main.banner-mode", "off");
		arguments.put("logging.level.root", "WARN");
		arguments.put("logging.level.io.reelay", "INFO");
		Path log = this.settings.dataDirectory()
			.resolve("logs")
			.resolve("bench-downloader-" + this.downloaders + ".log")
			.toAbsolutePath()
			.normalize();
		DownloaderProcess downloader = this.started
			.track(DownloaderProcess.start(this.settings.heapLimit(), arguments, log));
		line("  Downloader %d: pid %d, -Xmx%s, log %s", this.downloaders, downloader.pid(), this.settings.heapLimit(),
				log);
		return downloader;
	}

	/** Waits until the downloader declared the pipeline's topics. */
	private void awaitTopics(DownloaderProcess downloader) throws Exception {
		List<String> topics = List.of(EventType.COMPLETED.topic(), EventType.STORED.topic(), EventType.FAILED.topic());
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
				if (!downloader.isAlive()) {
					throw new IllegalStateException(downloader.obituary());
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException("the downloader did not declare its topics within " + START_TIMEOUT
							+ "; see " + downloader.log());
				}
				Thread.sleep(250);
			}
		}
	}

	private void line(String format, Object... args) {
		this.out.println(Text.format(format, args));
		this.out.flush();
	}

}
