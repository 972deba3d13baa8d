package io.reelay.cli.chaos;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out a chaos plan on its own threads, on time, and meanwhile watches the
 * services: tells when a restarted instance is up, and restarts and reports one that
 * crashed (see {@link #watch()}).
 */
final class ChaosRunner implements AutoCloseable {

	/** How long a JVM that failed to start may linger before it is killed. */
	static final Duration LIVENESS_GRACE = Duration.ofSeconds(5);

	private final ChaosPlan plan;

	private final ChaosInfrastructure infrastructure;

	private final ServiceFleet fleet;

	private final ChaosLog log;

	private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, (runnable) -> {
		Thread thread = new Thread(runnable, "chaos-runner");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicInteger pending = new AtomicInteger();

	private final List<String> incidents = new CopyOnWriteArrayList<>();

	/**
	 * When an instance was first seen to have failed its start while its JVM lives on.
	 */
	private final Map<String, Long> failedStarts = new ConcurrentHashMap<>();

	/** When each instance's current life started, until it logged that it is up. */
	private final Map<String, Long> starting = new HashMap<>();

	ChaosRunner(ChaosPlan plan, ChaosInfrastructure infrastructure, ServiceFleet fleet, ChaosLog log) {
		this.plan = plan;
		this.infrastructure = infrastructure;
		this.fleet = fleet;
		this.log = log;
	}

	/**
	 * Schedules every action relative to the log's start, and the watch of the services.
	 */
	void start() {
		long sinceStart = System.nanoTime() - this.log.startNanos();
		for (ChaosAction action : this.plan.actions()) {
			this.pending.incrementAndGet();
			this.scheduler.schedule(() -> carryOut(action), action.at().toNanos() - sinceStart, TimeUnit.NANOSECONDS);
		}
		this.scheduler.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
	}

	private void carryOut(ChaosAction action) {
		try {
			if (action instanceof ChaosAction.KillService kill) {
				ServiceInstance instance = this.fleet.instance(kill.instance());
				long[] pids = instance.killAndRestart();
				markStarting(instance);
				this.log.say("%s: pid %d killed (SIGKILL), pid %d started", action.describe(), pids[0], pids[1]);
			}
			else if (action instanceof ChaosAction.RestartBroker) {
				long start = System.nanoTime();
				this.infrastructure.restartBroker();
				this.log.say("%s: back after %s", action.describe(),
						ChaosLog.seconds(Duration.ofNanos(System.nanoTime() - start)));
			}
			else if (action instanceof ChaosAction.S3Outage outage) {
				this.infrastructure.stopS3();
				this.log.say("%s: stopped", action.describe());
				this.pending.incrementAndGet();
				this.scheduler.schedule(this::endS3Outage, outage.length().toNanos(), TimeUnit.NANOSECONDS);
			}
			else if (action instanceof ChaosAction.ProviderBurst burst) {
				this.infrastructure.simulator().faults().add(burst.rule());
				this.log.say("burst, %s", action.describe());
			}
		}
		catch (Exception ex) {
			this.log.say("%s FAILED: %s", action.describe(), ex);
		}
		finally {
			this.pending.decrementAndGet();
		}
	}

	private void endS3Outage() {
		try {
			this.infrastructure.startS3();
			this.log.say("S3 server up again");
		}
		catch (Exception ex) {
			this.log.say("S3 server could not start again: %s", ex);
		}
		finally {
			this.pending.decrementAndGet();
		}
	}

	private synchronized void markStarting(ServiceInstance instance) {
		this.starting.put(instance.name(), System.nanoTime());
	}

	/**
	 * Tells when a restarted instance is up. Restarts, as an orchestrator would, an
	 * instance whose JVM ended on its own, or that logged it could not start and is still
	 * alive {@link #LIVENESS_GRACE} later (a liveness probe would find nobody home); both
	 * are incidents of the report.
	 */
	private void watch() {
		for (ServiceInstance instance : this.fleet.all()) {
			Long since;
			synchronized (this) {
				since = this.starting.get(instance.name());
			}
			if (since != null && instance.started()) {
				synchronized (this) {
					this.starting.remove(instance.name());
				}
				this.log.say("%s up again, %s after its start", instance.name(),
						ChaosLog.seconds(Duration.ofNanos(System.nanoTime() - since)));
			}
			else if (instance.diedOnItsOwn()) {
				incident(instance, "%s ended on its own with exit code %d: %s", instance.name(), instance.exitCode(),
						instance.lastCause());
			}
			else if (since != null && instance.alive() && instance.failedToStart()) {
				long failedAt = this.failedStarts.computeIfAbsent(instance.name(), (name) -> System.nanoTime());
				if (System.nanoTime() - failedAt > LIVENESS_GRACE.toNanos()) {
					incident(instance, "%s could not start (%s) and its JVM did not end within %s: killed",
							instance.name(), instance.lastCause(), ChaosLog.seconds(LIVENESS_GRACE));
				}
			}
		}
	}

	private void incident(ServiceInstance instance, String format, Object... args) {
		String what = String.format(Locale.ROOT, format, args);
		this.incidents.add(what);
		this.log.say("%s", what);
		this.failedStarts.remove(instance.name());
		try {
			long[] pids = instance.killAndRestart();
			markStarting(instance);
			this.log.say("%s started again as pid %d", instance.name(), pids[1]);
		}
		catch (Exception ex) {
			this.log.say("%s could not start again: %s", instance.name(), ex);
		}
	}

	/** Whether every action was carried out and every restarted instance is up. */
	synchronized boolean finished() {
		return this.pending.get() == 0 && this.starting.isEmpty();
	}

	/**
	 * Service lives that ended without being killed, or could not start and hung on.
	 */
	List<String> incidents() {
		return List.copyOf(this.incidents);
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
