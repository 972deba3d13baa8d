package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What {@code reelay bench download} measured: each copy's times at one size, and the
 * downloader's heap and live set at two sizes, each from a run of its own.
 *
 * @param file simulator → file with the JDK client
 * @param minio simulator → S3 with the bare MinIO client
 * @param reelay simulator → S3 by the downloader service
 * @param heapLimit the downloader's {@code -Xmx}
 * @param heaps the peak runs' heap for the small video, then the large one
 * @param liveSets the live runs' live set for the small video, then the large one
 */
public record DownloadReport(Copy file, Copy minio, Copy reelay, String heapLimit, List<Heap> heaps,
		List<Live> liveSets) {

	private static final double MB = 1024.0 * 1024.0;

	public DownloadReport {
		heaps = List.copyOf(heaps);
		liveSets = List.copyOf(liveSets);
	}

	/**
	 * One way of copying, run several times.
	 *
	 * @param name what a person reads
	 * @param size the size asked for
	 * @param bytes the file's exact length
	 * @param runs how long each run took, in order
	 */
	public record Copy(String name, DownloadSize size, long bytes, List<Duration> runs) {

		public Copy {
			runs = List.copyOf(runs);
		}

		/**
		 * The median, in seconds: of an even number of runs, the mean of the middle two.
		 */
		public double medianSeconds() {
			double[] seconds = this.runs.stream().mapToDouble((run) -> run.toNanos() / 1e9).sorted().toArray();
			int middle = seconds.length / 2;
			return (seconds.length % 2 == 1) ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
		}

		/** At the median time, in MB (2^20 bytes) per second. */
		public double megabytesPerSecond() {
			return this.bytes / MB / medianSeconds();
		}

	}

	/**
	 * The downloader's heap during one transfer of a peak run, which forces no
	 * collection, in bytes, -1 where unknown.
	 *
	 * @param video the size label of the video transferred
	 * @param peak the most heap in use seen: read every 50 ms, or just before a
	 * collection
	 * @param poolPeaks the sum of each heap pool's own peak during the transfer: an upper
	 * bound, as the pools need not peak together
	 * @param afterGc the most heap in use right after any collection during the transfer
	 * @param collections collections during the transfer
	 * @param samples readings taken every 50 ms
	 */
	public record Heap(String video, long peak, long poolPeaks, long afterGc, long collections, int samples) {

	}

	/**
	 * The downloader's live set during one transfer of a live run: the heap in use right
	 * after a full collection forced over JMX, in bytes, -1 where unknown.
	 *
	 * @param video the size label of the video transferred
	 * @param idle read as {@code video.completed} was about to be published
	 * @param readings read every 250 ms from the downloader's first request for the file
	 * until the outcome arrived, in order
	 */
	public record Live(String video, long idle, List<Long> readings) {

		public Live {
			readings = List.copyOf(readings);
		}

		/**
		 * The median of the readings during the transfer: of an even number, the mean of
		 * the middle two.
		 */
		public long median() {
			long[] sorted = this.readings.stream().mapToLong(Long::longValue).sorted().toArray();
			if (sorted.length == 0) {
				return -1;
			}
			int middle = sorted.length / 2;
			return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}

		/** The most of the readings during the transfer: its spikes. */
		public long max() {
			return this.readings.stream().mapToLong(Long::longValue).max().orElse(-1);
		}

		/** The readings during the transfer in order, in MB: {@code 57 57 65 57}. */
		public String megabytes() {
			return this.readings.isEmpty() ? "none"
					: this.readings.stream().map(Text::megabytes).collect(Collectors.joining(" "));
		}

	}

	/** Reelay's throughput over the bare MinIO copy's: the headline ratio. */
	public double ratio() {
		return this.reelay.megabytesPerSecond() / this.minio.megabytesPerSecond();
	}

	public void print(PrintWriter out) {
		out.println(Text.format("Throughput at %s, median of %d run%s (MB = 2^20 bytes)", this.reelay.size().label(),
				this.reelay.runs().size(), (this.reelay.runs().size() == 1) ? "" : "s"));
		TextTable throughput = new TextTable("copy", "size", "runs s", "median s", "MB/s", "vs file copy",
				"vs MinIO copy");
		for (Copy copy : List.of(this.file, this.minio, this.reelay)) {
			throughput.row(copy.name(), copy.size().label(), runs(copy), Text.format("%.2f", copy.medianSeconds()),
					Text.format("%.1f", copy.megabytesPerSecond()),
					Text.ratio(copy.megabytesPerSecond() / this.file.megabytesPerSecond()),
					Text.ratio(copy.megabytesPerSecond() / this.minio.megabytesPerSecond()));
		}
		throughput.print(out, "  ");
		out.println(Text.format("  Target: Reelay at least 0.80x the MinIO copy (same destination): %.2fx, %s.",
				ratio(), (ratio() >= 0.8) ? "met" : "NOT met"));
		out.println();
		out.println(Text
			.format("Heap of the downloader at -Xmx%s: four fresh JVMs, per size a peak run and a live run, each one "
					+ "transfer after a warm-up", this.heapLimit));
		TextTable heap = new TextTable("video", "peak heap MB", "pool peaks MB", "after GC MB", "GCs", "samples",
				"idle MB", "live median MB", "live max MB", "live readings");
		for (int i = 0; i < this.heaps.size(); i++) {
			Heap peak = this.heaps.get(i);
			Live live = this.liveSets.get(i);
			heap.row(peak.video(), Text.megabytes(peak.peak()), Text.megabytes(peak.poolPeaks()),
					Text.megabytes(peak.afterGc()), Long.toString(peak.collections()), Integer.toString(peak.samples()),
					Text.megabytes(live.idle()), Text.megabytes(live.median()), Text.megabytes(live.max()),
					Integer.toString(live.readings().size()));
		}
		heap.print(out, "  ");
		out.println("  Peak run, no collection forced. peak heap: the most heap in use (live objects and garbage not");
		out.println("  yet collected), read every 50 ms and just before each collection. pool peaks: each heap pool's");
		out.println("  own peak, summed: an upper bound, as the pools need not peak together (it can exceed the");
		out.println("  limit). after GC: the most heap in use right after any collection; a young one leaves the old");
		out.println("  generation's garbage in place.");
		out.println("  Live run: the heap in use read right after a full collection forced over JMX: the live set,");
		out.println("  plus what the transfer allocated between the collection and the reading. idle: read once as");
		out.println("  video.completed is about to be published. live median and max: of the readings taken every");
		out.println("  250 ms from the downloader's first request for the file until video.stored arrived.");
		if (this.heaps.size() == 2 && this.liveSets.size() == 2) {
			out.println(Text.format(
					"  Targets, %s against %s: peak within 10%% (as the issue asks): %s; live median within 10%%: %s.",
					this.heaps.get(0).video(), this.heaps.get(1).video(), verdict(this.heaps, Heap::peak),
					verdict(this.liveSets, Live::median)));
		}
		out.println();
		out.flush();
	}

	/**
	 * Whether the two runs' {@code figure} lie within 10% of each other, relative to the
	 * larger.
	 */
	private static <T> String verdict(List<T> runs, ToLongFunction<T> figure) {
		long a = figure.applyAsLong(runs.get(0));
		long b = figure.applyAsLong(runs.get(1));
		if (a <= 0 || b <= 0) {
			return "not measured";
		}
		double apart = Math.abs(a - b) / (double) Math.max(a, b);
		return Text.format("%.0f%% apart, %s", apart * 100, (apart <= 0.10) ? "met" : "NOT met");
	}

	/**
	 * The last line: the peak runs' peaks, then the live runs' medians, e.g.
	 * {@code throughput vs plain copy: 1.17x, heap 100MiB/1GiB: 98/98 MB (live 57/57 MB)}.
	 */
	public String summary() {
		return Text.format("throughput vs plain copy: %s, heap %s: %s MB (live %s MB)", Text.ratio(ratio()),
				this.heaps.stream().map(Heap::video).collect(Collectors.joining("/")),
				megabytes(this.heaps, Heap::peak), megabytes(this.liveSets, Live::median));
	}

	private static <T> String megabytes(List<T> runs, ToLongFunction<T> figure) {
		return runs.stream().map((run) -> Text.megabytes(figure.applyAsLong(run))).collect(Collectors.joining("/"));
	}

	private static String runs(Copy copy) {
		return copy.runs()
			.stream()
			.map((run) -> Text.format("%.2f", run.toNanos() / 1e9))
			.collect(Collectors.joining(" "));
	}

}
