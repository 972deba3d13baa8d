package io.reelay.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.reelay.event.EventType;
import io.reelay.infra.LocalKafkaBroker;
import io.reelay.poller.PollerApplication;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.SimulatorSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Part 2 of {@code reelay bench polling}: one real poller, in a JVM of its own with a
 * small heap, following many jobs at once against the provider simulator, on a real Kafka
 * broker, with time running faster.
 */
public final class RealPollerBench {

	static final String MAX_HEAP = "256m";

	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);

	private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Settings settings;

	private final PrintWriter out;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	/** When the poller was first seen to have read every submission, or null. */
	private Instant caughtUpAt;

	/** The most status calls per second over one progress interval. */
	private double peakCallRate;

	private RealPollerBench(Settings settings, PrintWriter out) {
		this.settings = settings;
		this.out = out;
	}

	/**
	 * How part 2 runs.
	 *
	 * @param jobs jobs in flight at once
	 * @param timeScale generation times and the schedule's durations are divided by it
	 * @param seed of the generation times
	 * @param timeout how long to wait, once every job is submitted, for all to end
	 * @param logDirectory where the poller's log goes
	 */
	public record Settings(int jobs, double timeScale, long seed, Duration timeout, Path logDirectory) {

		public Settings {
			if (jobs < 1) {
				throw new IllegalArgumentException("at least one job in flight, got " + jobs);
			}
			if (!(timeScale >= 1)) {
				throw new IllegalArgumentException("the time scale must be at least 1, got " + timeScale);
			}
		}

	}

	/** Runs part 2, printing progress, and says what it measured. */
	public static RealPollerReport run(Settings settings, PrintWriter out) throws Exception {
		RealPollerBench bench = new RealPollerBench(settings, out);
		try {
			return bench.run();
		}
		finally {
			bench.close();
		}
	}

	private RealPollerReport run() throws Exception {
		double scale = this.settings.timeScale();
		Duration median = ScaledSchedule.scaled(VirtualClockBench.MEDIAN, scale);
		Duration p99 = ScaledSchedule.scaled(VirtualClockBench.P99, scale);
		double[] durations = LognormalDurations.seconds(this.settings.jobs(), median, p99, this.settings.seed());
		ScaledSchedule schedule = new ScaledSchedule(scale);
		line("Part 2: the real poller, %,d jobs in flight, one poller JVM with -Xmx%s", this.settings.jobs(), MAX_HEAP);
		line("  Time runs %sx faster: generation times lognormal with median %s, p99 %s (60 s and 10 min unscaled);",
				Text.number(scale), Text.exact(median), Text.exact(p99));
		line("  the longest of these jobs takes %,.0f s. The poller's schedule is scaled alike:",
				Percentiles.of(durations).max());
		line("  %s; its other settings are the defaults.", schedule.describe());
		line("  Kafka hops and HTTP calls are not scaled: in unscaled figures they weigh %sx what they would.",
				Text.number(scale));
		line("  Provider: the simulator's generic API (queued for the first fifth of a job, then progress in %%).");

		String bootstrapServers = startKafka();
		// the JDK's HTTP server leaves Nagle's algorithm on: each answer (headers, then
		// body) then waits for the delayed ACK, about 40 ms, which would cap the poller
		// at max-concurrent / 40 ms. Read once, when the first server starts: in a test
		// JVM that already ran one, calls are that slow
		System.setProperty("sun.net.httpserver.nodelay", "true");
		ProviderSimulator simulator = ProviderSimulator
			.start(new SimulatorSettings("127.0.0.1", 0, SimulatorSettings.DEFAULT_API_KEY, median, 0));
		this.started.push(simulator);
		Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
		this.started.push(admin);
		PollerGroup group = new PollerGroup(admin);

		Instant starting = Instant.now();
		Path log = this.settings.logDirectory().resolve("bench-poller.log").toAbsolutePath().normalize();
		ServiceProcess poller = ServiceProcess.start(PollerApplication.class, MAX_HEAP,
				schedule.pollerArguments(bootstrapServers, simulator), log);
		this.started.push(poller);
		// Ctrl-C ends this JVM without leaving this method: do not leave the poller
		// behind
		Thread onInterrupt = new Thread(poller::close, "bench-poller-shutdown");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		this.started.push(() -> Runtime.getRuntime().removeShutdownHook(onInterrupt));
		line("  Poller: pid %d, log %s", poller.pid(), log);
		awaitReady(group, poller);
		HeapProbe probe = HeapProbe.of(poller.pid());
		this.started.push(probe);
		HeapReadings heap = new HeapReadings(probe);
		heap.idle();
		line("  Poller ready in %s; its heap is read through %s, after a full GC every %d s.",
				Text.seconds(Duration.between(starting, Instant.now())), probe.how(), PROBE_INTERVAL.toSeconds());

		String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		TerminalEvents events = TerminalEvents.start(bootstrapServers, prefix, this.settings.jobs());
		this.started.push(events);
		long publishing = System.nanoTime();
		SimulatedTask[] tasks = SubmittedJobs.submit(simulator, bootstrapServers, prefix, durations);
		line("  Published %,d submissions to %s in %s.", tasks.length, EventType.SUBMITTED.topic(),
				Text.seconds(Duration.ofNanos(System.nanoTime() - publishing)));

		String problem = follow(group, poller, heap, events, simulator, tasks, publishing);
		Duration wall = Duration.ofNanos(System.nanoTime() - publishing);
		if (problem == null) {
			heap.done();
		}
		Duration pollerCpu = poller.cpuTime().orElse(null);
		events.close();
		return report(events, simulator, tasks, heap, wall, pollerCpu, problem);
	}

	private String startKafka() throws Exception {
		LocalKafkaBroker broker = LocalKafkaBroker.startTemporary();
		this.started.push(broker);
		return broker.bootstrapServers();
	}

	private static void awaitReady(PollerGroup group, ServiceProcess poller) throws InterruptedException {
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!group.ready()) {
			if (!poller.isAlive()) {
				throw new IllegalStateException("the poller stopped while starting; the end of its log:"
						+ System.lineSeparator() + String.join(System.lineSeparator(), poller.logTail(20)));
			}
			if (System.nanoTime() > until) {
				throw new IllegalStateException(
						"the poller did not join its consumer group within " + START_TIMEOUT + "; see " + poller.log());
			}
			Thread.sleep(250);
		}
	}

	/**
	 * Waits for every job to end, reading the poller's heap and printing progress; says
	 * why it stopped early, or null.
	 */
	private String follow(PollerGroup group, ServiceProcess poller, HeapReadings heap, TerminalEvents events,
			ProviderSimulator simulator, SimulatedTask[] tasks, long publishing) throws InterruptedException {
		int jobs = tasks.length;
		long nextProbe = System.nanoTime();
		long nextProgress = publishing + PROGRESS_INTERVAL.toNanos();
		long lastCalls = 0;
		long lastProgress = publishing;
		boolean caughtUp = false;
		boolean halfRead = false;
		while (events.finished() < jobs) {
			long now = System.nanoTime();
			if (!poller.isAlive()) {
				return "the poller stopped (see " + poller.log() + ")";
			}
			if (events.error() != null) {
				return "reading terminal events failed: " + events.error();
			}
			if (now - publishing > this.settings.timeout().toNanos()) {
				return missing(events, simulator, tasks);
			}
			if (!halfRead && events.finished() >= (jobs + 1) / 2) {
				halfRead = true;
				heap.half();
			}
			if (now >= nextProbe) {
				long used = heap.read();
				if (!caughtUp && group.submittedLag() == 0) {
					caughtUp = true;
					this.caughtUpAt = Instant.now();
					heap.inFlight(used, jobs - events.finished());
				}
				nextProbe = now + PROBE_INTERVAL.toNanos();
			}
			if (now >= nextProgress) {
				long calls = statusCalls(simulator, tasks);
				double rate = (calls - lastCalls) / ((now - lastProgress) / 1e9);
				this.peakCallRate = Math.max(this.peakCallRate, rate);
				long unread = caughtUp ? 0 : group.submittedLag();
				line("  %5.0f s  in flight %,7d  finished %,7d%s  status calls %,9d (%,.0f/s)  heap after GC %s MB"
						+ "  RSS %s MB", (now - publishing) / 1e9, jobs - events.finished(), events.finished(),
						(unread > 0) ? Text.format("  not yet read by the poller %,d", unread) : "", calls, rate,
						Text.megabytes(heap.last()), Text.megabytes(heap.rss()));
				lastCalls = calls;
				lastProgress = now;
				nextProgress = now + PROGRESS_INTERVAL.toNanos();
			}
			Thread.sleep(250);
		}
		return null;
	}

	private String missing(TerminalEvents events, ProviderSimulator simulator, SimulatedTask[] tasks) {
		StringBuilder what = new StringBuilder(Text.format("%,d of %,d jobs did not end within %s; for example:",
				tasks.length - events.finished(), tasks.length, this.settings.timeout()));
		Instant now = Instant.now();
		int shown = 0;
		for (int job = 0; job < tasks.length && shown < 5; job++) {
			if (!events.ended(job)) {
				SimulatedTask task = tasks[job];
				what.append(Text.format("%n    job %d, task %s: %s, takes %.1f s, %d status calls", job, task.id(),
						task.stateAt(now).name().toLowerCase(Locale.ROOT), task.generationTime().toMillis() / 1000.0,
						simulator.tasks().callsOf("status", task.id())));
				shown++;
			}
		}
		return what.toString();
	}

	private RealPollerReport report(TerminalEvents events, ProviderSimulator simulator, SimulatedTask[] tasks,
			HeapReadings heap, Duration wall, Duration pollerCpu, String problem) {
		Instant[] completedAt = events.completedAt();
		double[] calls = new double[tasks.length];
		double[] durations = new double[tasks.length];
		double[] delays = new double[tasks.length];
		double[] laterDelays = new double[tasks.length];
		int completed = 0;
		int later = 0;
		for (int job = 0; job < tasks.length; job++) {
			SimulatedTask task = tasks[job];
			calls[job] = simulator.tasks().callsOf("status", task.id());
			durations[job] = task.generationTime().toNanos() / 1e9;
			if (completedAt[job] != null) {
				// completedAt has millisecond precision: a job seen at once may look a
				// fraction of a millisecond early
				double delay = Math.max(0, Duration.between(task.finishedAt(), completedAt[job]).toNanos() / 1e9);
				delays[completed++] = delay;
				if (this.caughtUpAt != null && task.finishedAt().isAfter(this.caughtUpAt)) {
					laterDelays[later++] = delay;
				}
			}
		}
		double fixedInterval = ScaledSchedule.scaled(Duration.ofSeconds(5), this.settings.timeScale()).toNanos() / 1e9;
		return new RealPollerReport(tasks.length, this.settings.timeScale(), events.finished(), events.failed(),
				events.duplicates(), events.failures(), RealPollerReport.Figures.of(calls),
				RealPollerReport.Figures.of(Arrays.copyOf(delays, completed)), later,
				RealPollerReport.Figures.of(Arrays.copyOf(laterDelays, later)),
				RealPollerReport.Fixed.every(fixedInterval, durations), heap.report("-Xmx" + MAX_HEAP), wall,
				(long) Arrays.stream(calls).sum(), this.peakCallRate, pollerCpu,
				ProcessHandle.current().info().totalCpuDuration().orElse(null), problem);
	}

	private static long statusCalls(ProviderSimulator simulator, SimulatedTask[] tasks) {
		long calls = 0;
		for (SimulatedTask task : tasks) {
			calls += simulator.tasks().callsOf("status", task.id());
		}
		return calls;
	}

	/** Stops the poller first, then what it used. */
	private void close() {
		while (!this.started.isEmpty()) {
			try {
				this.started.pop().close();
			}
			catch (Exception ex) {
				this.out.println("  while stopping: " + ex);
			}
		}
	}

	private void line(String format, Object... args) {
		this.out.println(Text.format(format, args));
		this.out.flush();
	}

}
