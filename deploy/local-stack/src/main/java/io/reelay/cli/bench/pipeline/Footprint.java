package io.reelay.cli.bench.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import io.reelay.cli.bench.HeapProbe;
import io.reelay.cli.bench.ServiceProcess;

/**
 * Each service's memory while the bench runs: its heap in use (garbage included) and
 * resident set size, sampled every half second, and its live heap after a full collection
 * when asked; also the CPU each one used over a span.
 */
final class Footprint implements AutoCloseable {

	private static final Duration EVERY = Duration.ofMillis(500);

	private final Map<String, ServiceProcess> services;

	private final Map<String, HeapProbe> probes = new LinkedHashMap<>();

	private final Map<String, Long> heapPeak = new LinkedHashMap<>();

	private final Map<String, Long> rssPeak = new LinkedHashMap<>();

	private final Thread sampler;

	private volatile boolean running = true;

	Footprint(Map<String, ServiceProcess> services) {
		this.services = services;
		services.forEach((name, process) -> {
			this.probes.put(name, HeapProbe.of(process.pid()));
			this.heapPeak.put(name, -1L);
			this.rssPeak.put(name, -1L);
		});
		this.sampler = new Thread(this::sample, "bench-pipeline-footprint");
		this.sampler.setDaemon(true);
		this.sampler.start();
	}

	private void sample() {
		while (this.running) {
			this.probes.forEach((name, probe) -> {
				OptionalLong heap = probe.heapUsed();
				OptionalLong rss = probe.rss();
				synchronized (this) {
					heap.ifPresent((used) -> this.heapPeak.merge(name, used, Math::max));
					rss.ifPresent((used) -> this.rssPeak.merge(name, used, Math::max));
				}
			});
			try {
				Thread.sleep(EVERY.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** CPU time each service used so far, in nanoseconds; -1 where unknown. */
	Map<String, Long> cpuNanos() {
		Map<String, Long> cpu = new LinkedHashMap<>();
		this.services.forEach((name, process) -> cpu.put(name, process.cpuTime().map(Duration::toNanos).orElse(-1L)));
		cpu.put(PipelineReport.BENCH_JVM,
				ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L));
		return cpu;
	}

	/** What each service's memory came to: peaks so far, and its live heap now. */
	Map<String, ServiceMemory> read() {
		Map<String, ServiceMemory> memory = new LinkedHashMap<>();
		this.probes.forEach((name, probe) -> {
			long live = probe.heapAfterGc().orElse(-1);
			synchronized (this) {
				memory.put(name, new ServiceMemory(this.heapPeak.get(name), live, this.rssPeak.get(name)));
			}
		});
		return memory;
	}

	@Override
	public void close() {
		this.running = false;
		this.sampler.interrupt();
		this.probes.values().forEach(HeapProbe::close);
	}

	/**
	 * One service's memory, in bytes, -1 where unknown.
	 *
	 * @param heapPeak the most heap in use at a sample, garbage included
	 * @param heapLive heap in use right after a full collection at the end
	 * @param rssPeak the most resident memory at a sample
	 */
	record ServiceMemory(long heapPeak, long heapLive, long rssPeak) {

	}

}
