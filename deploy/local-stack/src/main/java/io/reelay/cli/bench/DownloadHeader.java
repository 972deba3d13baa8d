package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The first lines of {@code reelay bench download}: what runs where, on what machine. */
final class DownloadHeader {

	private DownloadHeader() {
	}

	static void print(PrintWriter out, DownloadBench.Settings settings) {
		String heap = "-Xmx" + settings.heapLimit();
		out.println(
				"Download benchmark: a video from the provider simulator into the S3-compatible server, by Reelay's");
		out.println("  downloader and by two plain copies of the same bytes, compared in the same run.");
		out.println(Text.format("  Machine: %s; JDK %s (%s).", machine(), System.getProperty("java.version"),
				System.getProperty("java.vm.vendor")));
		out.println(
				Text.format("  Sizes: %s for throughput (%d run%s of each copy, taken in turn); %s and %s for heap,",
						settings.size().label(), settings.runs(), (settings.runs() == 1) ? "" : "s",
						settings.smallSize().label(), settings.size().label()));
		out.println("  in four more downloader JVMs: per size a peak run (heap sampled, no collection forced) and a");
		out.println("  live run (a full collection forced every 250 ms of the transfer). Every copy, and every");
		out.println(Text.format("  downloader, is warmed up once with %s first.", settings.smallSize().label()));
		out.println("  This JVM runs the Kafka broker, the S3 server (s3proxy over files), one simulator per size and");
		out.println(
				"  the plain copies: simulator → file (JDK HttpClient, BodyHandlers.ofFile) and simulator → S3 (JDK");
		out.println("  HttpClient stream into a bare MinIO client putObject of known length).");
		out.println(
				Text.format("  Reelay: the downloader service in a JVM of its own (%s), timed from publishing", heap));
		out.println("  video.completed to receiving its video.stored. Each copy is then read back and its SHA-256");
		out.println("  compared with the simulator's file, untimed.");
		out.flush();
	}

	private static String machine() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		String memory = "";
		if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
			memory = Text.format(", %.0f GiB memory", sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return Text.format("%d cores%s, %s %s (%s)", Runtime.getRuntime().availableProcessors(), memory, os.getName(),
				os.getVersion(), os.getArch());
	}

}
