package io.reelay.cli.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.cli.bench.ServiceProcess;

/**
 * One instance of a service ({@code poller-1}) across its lives: every start is a new JVM
 * with the same settings and the same instance id, so a restarted instance takes over the
 * Kafka transactions of the one that was killed (and fences it), as a Kubernetes pod
 * restarted under its own name would. Each life logs to a file of its own.
 */
final class ServiceInstance implements AutoCloseable {

	private final ChaosService service;

	private final String name;

	private final Map<String, String> settings;

	private final String maxHeap;

	private final Path logDirectory;

	private final List<Path> logs = new ArrayList<>();

	private ServiceProcess process;

	private boolean killed;

	/**
	 * @param settings what the local stack tells every service; this instance's id is
	 * added
	 */
	ServiceInstance(ChaosService service, int number, Map<String, String> settings, String maxHeap, Path logDirectory) {
		this.service = service;
		this.name = service.key() + "-" + number;
		this.settings = new LinkedHashMap<>(settings);
		this.settings.put("reelay.kafka.instance-id", this.name);
		this.maxHeap = maxHeap;
		this.logDirectory = logDirectory;
	}

	String name() {
		return this.name;
	}

	ChaosService service() {
		return this.service;
	}

	/** Starts its next life; returns the new JVM's pid. */
	synchronized long start() throws IOException {
		Path log = this.logDirectory.resolve(this.name + "." + (this.logs.size() + 1) + ".log");
		this.process = ServiceProcess.start(this.service.application(), this.maxHeap, this.settings, log);
		this.logs.add(log);
		this.killed = false;
		return this.process.pid();
	}

	/** SIGKILL, then a new life at once; returns the pids of both. */
	synchronized long[] killAndRestart() throws IOException, InterruptedException {
		long killedPid = this.process.pid();
		this.killed = true;
		this.process.kill();
		return new long[] { killedPid, start() };
	}

	/**
	 * Whether its current life has logged Spring Boot's {@code Started …} line: it has
	 * joined its consumer groups or is about to.
	 */
	synchronized boolean started() {
		return logText().contains("Started " + this.service.application().getSimpleName());
	}

	/**
	 * Whether its current life logged that it could not start ({@code Application run
	 * failed}), whether or not its JVM has ended since.
	 */
	synchronized boolean failedToStart() {
		return logText().contains("Application run failed");
	}

	/**
	 * Why its current life went wrong, as far as its log says: its last {@code Caused by}
	 * line, else its last error.
	 */
	synchronized String lastCause() {
		String cause = null;
		for (String line : logText().lines().toList()) {
			if (line.startsWith("Caused by:") || (cause == null && line.contains("ERROR"))) {
				cause = line;
			}
		}
		if (cause == null) {
			return "nothing in " + this.process.log();
		}
		return (cause.length() > 300) ? cause.substring(0, 300) + "…" : cause;
	}

	/** Its exit code, or -1 while it runs. */
	synchronized int exitCode() {
		return this.process.exitCode();
	}

	private String logText() {
		try {
			return Files.readString(this.process.log(), StandardCharsets.UTF_8);
		}
		catch (IOException | RuntimeException ex) {
			return "";
		}
	}

	/** Whether its JVM ended though nobody killed it: a crash, not chaos. */
	synchronized boolean diedOnItsOwn() {
		return !this.killed && this.process != null && !this.process.isAlive();
	}

	synchronized boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	synchronized String obituary() {
		return this.process.obituary();
	}

	/** The log file of each life, first life first. */
	synchronized List<Path> logs() {
		return List.copyOf(this.logs);
	}

	/**
	 * SIGTERM, as an orchestrator stops a service: it has 10 s to finish or hand back
	 * what it holds before it is killed. Returns how long it took to end.
	 */
	synchronized Duration stop() {
		long start = System.nanoTime();
		if (this.process != null) {
			this.killed = true;
			this.process.close();
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	@Override
	public void close() {
		stop();
	}

}
