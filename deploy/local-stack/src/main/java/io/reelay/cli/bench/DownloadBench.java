package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.reelay.downloader.DownloaderApplication;
import io.reelay.event.EventType;

/**
 * {@code reelay bench download}: one video from the provider simulator into the
 * S3-compatible server, by the real downloader service in a JVM of its own with a small
 * heap, against two plain copies of the same bytes in this JVM; then the downloader's
 * heap and live set during one transfer of a small and of a large video, each size and
 * each figure in a fresh downloader of its own. The broker, the S3 server and the
 * simulators run in this JVM ({@link DownloadStack}). Every copy is checked against the
 * simulator's file.
 */
public final class DownloadBench {

	/** The bucket every copy writes to. */
	public static final String BUCKET = "bench-download";

	/**
	 * Where {@link Settings#keepObjects()} keeps the S3 server's data, under the data
	 * directory.
	 */
	public static final String KEPT_DIRECTORY = "bench-download";

	private final Settings settings;

	private final PrintWriter out;

	private final DownloadResources started;

	private DownloadStack stack;

	private DownloadCopies copies;

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
		this.stack = DownloadStack.start(this.settings, this.started, this.out);
		List<DownloadReport.Copy> throughput = throughput();
		List<DownloadVideo> videos = List.of(this.stack.small(), this.stack.large());
		List<DownloadReport.Heap> heaps = new ArrayList<>();
		for (DownloadVideo video : videos) {
			heaps.add(peak(video));
		}
		List<DownloadReport.Live> liveSets = new ArrayList<>();
		for (DownloadVideo video : videos) {
			liveSets.add(live(video));
		}
		this.out.println();
		return new DownloadReport(throughput.get(0), throughput.get(1), throughput.get(2), this.settings.heapLimit(),
				heaps, liveSets);
	}

	/** The three copies at the large size, in turn, after one warm-up each. */
	private List<DownloadReport.Copy> throughput() throws Exception {
		ServiceProcess downloader = startDownloader();
		downloader.awaitTopics(this.stack.bootstrapServers(),
				List.of(EventType.COMPLETED.topic(), EventType.STORED.topic(), EventType.FAILED.topic()));
		this.copies = new DownloadCopies(this.started.track(DownloadEvents.start(this.stack.bootstrapServers())),
				this.stack.minio(), BUCKET, this.stack.files(), this.settings.keepObjects());
		DownloadVideo small = this.stack.small();
		this.copies.reelay(small, downloader);
		this.copies.file(small);
		this.copies.minio(small);
		line("  Warmed up: one %s transfer by each copy, not counted.", small.label());
		DownloadVideo large = this.stack.large();
		List<Duration> file = new ArrayList<>();
		List<Duration> minio = new ArrayList<>();
		List<Duration> reelay = new ArrayList<>();
		for (int run = 1; run <= this.settings.runs(); run++) {
			file.add(this.copies.file(large));
			minio.add(this.copies.minio(large));
			reelay.add(this.copies.reelay(large, downloader));
			line("  Run %d/%d at %s: file %s, MinIO %s, Reelay %s", run, this.settings.runs(), large.label(),
					Text.seconds(file.get(run - 1)), Text.seconds(minio.get(run - 1)),
					Text.seconds(reelay.get(run - 1)));
		}
		this.started.stop(downloader);
		return List.of(new DownloadReport.Copy("simulator → file (JDK HttpClient)", large.size(), large.bytes(), file),
				new DownloadReport.Copy("simulator → S3 (bare MinIO client)", large.size(), large.bytes(), minio),
				new DownloadReport.Copy("simulator → S3 (Reelay downloader, -Xmx" + this.settings.heapLimit() + ")",
						large.size(), large.bytes(), reelay));
	}

	/**
	 * The peak run: one transfer of {@code video} in a fresh downloader after a warm-up,
	 * its heap sampled, no collection forced, from publishing until the outcome arrives.
	 */
	private DownloadReport.Heap peak(DownloadVideo video) throws Exception {
		ServiceProcess downloader = warmDownloader();
		DownloadHeapSampler sampler = this.started.track(DownloadHeapSampler.attach(downloader.pid()));
		Duration took = this.copies.reelay(video, downloader, sampler);
		DownloadReport.Heap heap = sampler.report(video.label());
		this.started.stop(sampler);
		this.started.stop(downloader);
		line("  Peak run at %s: %s (sampled, not comparable with the runs above), peak heap %s MB, pool peaks %s MB, "
				+ "after GC %s MB", video.label(), Text.seconds(took), Text.megabytes(heap.peak()),
				Text.megabytes(heap.poolPeaks()), Text.megabytes(heap.afterGc()));
		return heap;
	}

	/**
	 * The live run: one transfer of {@code video} in a fresh downloader after a warm-up,
	 * its heap read after a full collection forced before {@code video.completed} is
	 * published (idle) and every 250 ms of the transfer.
	 */
	private DownloadReport.Live live(DownloadVideo video) throws Exception {
		ServiceProcess downloader = warmDownloader();
		DownloadLiveSet reader = this.started.track(DownloadLiveSet.attach(downloader.pid(), video));
		Duration took = this.copies.reelay(video, downloader, reader);
		DownloadReport.Live live = reader.report();
		this.started.stop(reader);
		this.started.stop(downloader);
		int readings = live.readings().size();
		line("  Live run at %s: %s (collections forced, not comparable), idle %s MB, live median %s MB, max %s MB, "
				+ "%d reading%s", video.label(), Text.seconds(took), Text.megabytes(live.idle()),
				Text.megabytes(live.median()), Text.megabytes(live.max()), readings, (readings == 1) ? "" : "s");
		line("    live set, MB, each after a forced full collection: idle %s (before video.completed); during the "
				+ "transfer, every 250 ms: %s", Text.megabytes(live.idle()), live.megabytes());
		return live;
	}

	/** A fresh downloader that has moved one small video, not watched. */
	private ServiceProcess warmDownloader() throws Exception {
		ServiceProcess downloader = startDownloader();
		this.copies.reelay(this.stack.small(), downloader);
		return downloader;
	}

	/** A fresh downloader against the stack, logging to its own numbered file. */
	private ServiceProcess startDownloader() throws Exception {
		this.downloaders++;
		Path log = this.settings.dataDirectory()
			.resolve("logs")
			.resolve("bench-downloader-" + this.downloaders + ".log")
			.toAbsolutePath()
			.normalize();
		ServiceProcess downloader = this.started.track(ServiceProcess.start(DownloaderApplication.class,
				this.settings.heapLimit(), this.stack.downloaderSettings(), log));
		line("  Downloader %d: pid %d, -Xmx%s, log %s", this.downloaders, downloader.pid(), this.settings.heapLimit(),
				log);
		return downloader;
	}

	private void line(String format, Object... args) {
		this.out.println(Text.format(format, args));
		this.out.flush();
	}

}
