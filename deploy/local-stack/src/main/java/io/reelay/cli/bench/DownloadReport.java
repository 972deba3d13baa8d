package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What {@code reelay bench download} measured: each copy's times at one size, and the
 * downloader's heap and live set at two sizes.
 *
 * @param file simulator → file with the JDK client
 * @param minio simulator → S3 with the bare MinIO client
 * @param reelay simulator → S3 by the downloader service
 * @param heapLimit the downloader's {@code -Xmx}
 * @param heaps the downloader's heap for the small video, then the large one
 */
public record DownloadReport(Copy file, Copy minio, Copy reelay, String heapLimit, List<Heap> heaps) {

	private static final double MB = 1024.0 * 1024.0;

	public DownloadReport {
		heaps = List.copyOf(heaps);
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
	 * The downloader's heap during one transfer, in bytes, -1 where unknown.
	 *
	 * @param video the size label of the video transferred
	 * @param peak the most heap in use seen: read every 50 ms, or just before a
	 * collection
	 * @param poolPeaks the sum of each heap pool's own peak during the transfer: an upper
	 * bound, as the pools need not peak together
	 * @param afterGc the most heap in use right after any collection during the transfer
	 * @param collections collections during the transfer, the forced ones included
	 * @param samples readings taken every 50 ms
	 * @param liveSet each heap in use right after a full collection forced at the start
	 * and every second of the transfer, in order
	 */
	public record Heap(String video, long peak, long poolPeaks, long afterGc, long collections, int samples,
			List<Long> liveSet) {

		public Heap {
			liveSet = List.copyOf(liveSet);
		}

		/** The most of the live set readings: the live set during the transfer. */
		public long live() {
			return this.liveSet.stream().mapToLong(Long::longValue).max().orElse(-1);
		}

		public int liveReadings() {
			return this.liveSet.size();
		}

		/** The live set readings in order, in MB: {@code 25 57 45}. */
		public String liveSetMegabytes() {
			return this.liveSet.stream().map(Text::megabytes).collect(Collectors.joining(" "));
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
		out.println(
				Text.format("Heap of the downloader at -Xmx%s, one transfer in a fresh JVM after a warm-up transfer",
						this.heapLimit));
		TextTable heap = new TextTable("video", "peak heap MB", "pool peaks MB", "after GC MB", "live MB", "GCs",
				"samples", "live readings");
		for (Heap reading : this.heaps) {
			heap.row(reading.video(), Text.megabytes(reading.peak()), Text.megabytes(reading.poolPeaks()),
					Text.megabytes(reading.afterGc()), Text.megabytes(reading.live()),
					Long.toString(reading.collections()), Integer.toString(reading.samples()),
					Integer.toString(reading.liveReadings()));
		}
		heap.print(out, "  ");
		out.println("  peak heap: the most heap in use (live objects and garbage not yet collected), read every 50 ms");
		out.println(
				"  and just before each collection. pool peaks: each heap pool's own peak, summed: an upper bound,");
		out.println("  as the pools need not peak together (it can exceed the limit). after GC: the most heap in use");
		out.println(
				"  right after any collection; a young one leaves the old generation's garbage in place. live: the");
		out.println("  most heap in use read right after a full collection forced over JMX as video.completed is");
		out.println("  published and then every second until video.stored arrives: the live set, plus what the");
		out.println("  transfer allocated in the moment between the collection and the reading. GCs include those.");
		if (this.heaps.size() == 2) {
			out.println(Text.format(
					"  Targets, %s against %s: peak within 10%% (as the issue asks): %s; live within 10%%: %s.",
					this.heaps.get(0).video(), this.heaps.get(1).video(), verdict(Heap::peak), verdict(Heap::live)));
		}
		out.println();
		out.flush();
	}

	/**
	 * Whether the two heap runs' {@code figure} lie within 10% of each other, relative to
	 * the larger.
	 */
	private String verdict(ToLongFunction<Heap> figure) {
		long a = figure.applyAsLong(this.heaps.get(0));
		long b = figure.applyAsLong(this.heaps.get(1));
		if (a <= 0 || b <= 0) {
			return "not measured";
		}
		double apart = Math.abs(a - b) / (double) Math.max(a, b);
		return Text.format("%.0f%% apart, %s", apart * 100, (apart <= 0.10) ? "met" : "NOT met");
	}

	/**
	 * The last line: the peaks, then the live sets, e.g.
	 * {@code throughput vs plain copy: 1.22x, heap 100MiB/1GiB: 116/114 MB (live 45/46 MB)}.
	 */
	public String summary() {
		return Text.format("throughput vs plain copy: %s, heap %s: %s MB (live %s MB)", Text.ratio(ratio()),
				this.heaps.stream().map(Heap::video).collect(Collectors.joining("/")), megabytes(Heap::peak),
				megabytes(Heap::live));
	}

	private String megabytes(ToLongFunction<Heap> figure) {
		return this.heaps.stream()
			.map((heap) -> Text.megabytes(figure.applyAsLong(heap)))
			.collect(Collectors.joining("/"));
	}

	private static String runs(Copy copy) {
		return copy.runs()
			.stream()
			.map((run) -> Text.format("%.2f", run.toNanos() / 1e9))
			.collect(Collectors.joining(" "));
	}

}
