package io.reelay.cli.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every service instance of a chaos run, each in a JVM of its own: one submitter, one
 * poller, one downloader (or more of a stage, so that a kill moves its partitions to the
 * survivor).
 */
final class ServiceFleet implements AutoCloseable {

	private final Map<String, ServiceInstance> instances = new LinkedHashMap<>();

	private ServiceFleet() {
	}

	/**
	 * Starts {@code counts} instances of each service and waits until each has started.
	 * @param counts how many instances of each service
	 */
	static ServiceFleet start(Map<ChaosService, Integer> counts, Map<String, String> settings, String maxHeap,
			Path logDirectory, Duration timeout) throws IOException, InterruptedException {
		ServiceFleet fleet = new ServiceFleet();
		try {
			for (Map.Entry<ChaosService, Integer> count : counts.entrySet()) {
				for (int number = 1; number <= count.getValue(); number++) {
					ServiceInstance instance = new ServiceInstance(count.getKey(), number, settings, maxHeap,
							logDirectory);
					fleet.instances.put(instance.name(), instance);
					instance.start();
				}
			}
			fleet.awaitStarted(fleet.all(), timeout);
			return fleet;
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			fleet.close();
			throw ex;
		}
	}

	/** Waits until each of {@code instances} logged that it started. */
	void awaitStarted(List<ServiceInstance> waitFor, Duration timeout) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		List<ServiceInstance> pending = new ArrayList<>(waitFor);
		while (!pending.isEmpty()) {
			pending.removeIf(ServiceInstance::started);
			for (ServiceInstance instance : pending) {
				if (!instance.alive()) {
					throw new IllegalStateException(instance.obituary());
				}
			}
			if (!pending.isEmpty() && System.nanoTime() > until) {
				throw new IllegalStateException("not started within " + timeout + ": "
						+ pending.stream()
							.map((instance) -> instance.name() + " (log " + instance.logs() + ")")
							.toList());
			}
			Thread.sleep(250);
		}
	}

	List<ServiceInstance> all() {
		return List.copyOf(this.instances.values());
	}

	ServiceInstance instance(String name) {
		ServiceInstance instance = this.instances.get(name);
		if (instance == null) {
			throw new IllegalArgumentException("no service instance " + name + ", known: " + this.instances.keySet());
		}
		return instance;
	}

	/** Every log file of every life of every instance. */
	List<Path> logs() {
		return this.instances.values().stream().flatMap((instance) -> instance.logs().stream()).toList();
	}

	/**
	 * Stops every instance with SIGTERM, all at once (one waiting for another would find
	 * the broker busy with its departure); returns how long each took.
	 */
	Map<String, Duration> stop() {
		Map<String, Duration> took = new LinkedHashMap<>();
		ExecutorService stopping = Executors.newFixedThreadPool(Math.max(1, this.instances.size()));
		try {
			Map<String, Future<Duration>> stops = new LinkedHashMap<>();
			this.instances.values().forEach((instance) -> stops.put(instance.name(), stopping.submit(instance::stop)));
			for (Map.Entry<String, Future<Duration>> stop : stops.entrySet()) {
				took.put(stop.getKey(), stop.getValue().get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("could not stop a service: " + ex.getCause(), ex.getCause());
		}
		finally {
			stopping.shutdown();
		}
		return took;
	}

	@Override
	public void close() {
		stop();
	}

}
