package io.reelay.cli.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * The heap of another JVM during one transfer, through its platform MBeans, reached the
 * way {@link HeapProbe} reaches them (JDK Attach API, local management agent): heap in
 * use read every 50 ms, the heap in use before and after every collection (GC
 * notifications) and each heap pool's own peak since the transfer began. It forces no
 * collection: the live set is read in a run of its own ({@link DownloadLiveSet}), as
 * forced collections change the peak.
 */
final class DownloadHeapSampler implements DownloadCopies.Watch, AutoCloseable {

	private static final long INTERVAL_MILLIS = 50;

	private static final long NOTIFICATION_GRACE_MILLIS = 3000;

	private final JMXConnector connector;

	private final MBeanServerConnection connection;

	private final MemoryMXBean memory;

	private final List<MemoryPoolMXBean> heapPools;

	private final Set<String> heapPoolNames;

	private final List<GarbageCollectorMXBean> collectors;

	private final NotificationListener listener = this::collected;

	private final Object lock = new Object();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private Thread thread;

	private long sampled = -1;

	private int samples;

	private long poolPeaks = -1;

	private long beforeGc = -1;

	private long afterGc = -1;

	private int notified;

	private long collectionsAtStart;

	private long collections = -1;

	private DownloadHeapSampler(JMXConnector connector) throws IOException {
		this.connector = connector;
		this.connection = connector.getMBeanServerConnection();
		this.memory = ManagementFactory.newPlatformMXBeanProxy(this.connection, ManagementFactory.MEMORY_MXBEAN_NAME,
				MemoryMXBean.class);
		this.heapPools = ManagementFactory.getPlatformMXBeans(this.connection, MemoryPoolMXBean.class)
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		this.heapPoolNames = this.heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
		this.collectors = ManagementFactory.getPlatformMXBeans(this.connection, GarbageCollectorMXBean.class);
	}

	/** Attaches to the JVM {@code pid} and connects to its management agent. */
	static DownloadHeapSampler attach(long pid) throws Exception {
		JMXConnector connector = HeapProbe.connect(pid);
		try {
			return new DownloadHeapSampler(connector);
		}
		catch (IOException | RuntimeException ex) {
			connector.close();
			throw ex;
		}
	}

	/** Resets the pools' peaks, listens to collections and starts sampling. */
	@Override
	public void begin() throws Exception {
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		this.collectionsAtStart = collections();
		for (GarbageCollectorMXBean collector : this.collectors) {
			this.connection.addNotificationListener(collector.getObjectName(), this.listener, null, null);
		}
		this.thread = every(INTERVAL_MILLIS, this::sample, "bench-heap-sampler");
	}

	/**
	 * Stops sampling, and takes the pools' peaks and the notifications of the collections
	 * counted.
	 */
	@Override
	public void end() throws Exception {
		this.stopped.countDown();
		if (this.thread != null) {
			this.thread.join();
		}
		long poolPeaks = 0;
		for (MemoryPoolMXBean pool : this.heapPools) {
			poolPeaks += pool.getPeakUsage().getUsed();
		}
		// notifications travel apart from the calls: wait for those of every collection
		// counted, a little
		long collections = collections() - this.collectionsAtStart;
		long until = System.currentTimeMillis() + NOTIFICATION_GRACE_MILLIS;
		while (notified() < collections && System.currentTimeMillis() < until) {
			Thread.sleep(20);
		}
		for (GarbageCollectorMXBean collector : this.collectors) {
			this.connection.removeNotificationListener(collector.getObjectName(), this.listener);
		}
		synchronized (this.lock) {
			this.poolPeaks = poolPeaks;
			this.collections = collections;
		}
	}

	/** What it saw between {@link #begin()} and {@link #end()}, in bytes. */
	DownloadReport.Heap report(String video) {
		synchronized (this.lock) {
			return new DownloadReport.Heap(video, Math.max(this.sampled, this.beforeGc), this.poolPeaks, this.afterGc,
					this.collections, this.samples);
		}
	}

	/**
	 * Runs {@code reading} at once and then every {@code millis} until stopped, or until
	 * it fails: then the JVM is gone, and the transfer's outcome says why.
	 */
	private Thread every(long millis, Runnable reading, String name) {
		Thread thread = new Thread(() -> {
			try {
				do {
					reading.run();
				}
				while (!this.stopped.await(millis, TimeUnit.MILLISECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// the JVM is gone
			}
		}, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private void sample() {
		long used = this.memory.getHeapMemoryUsage().getUsed();
		synchronized (this.lock) {
			this.sampled = Math.max(this.sampled, used);
			this.samples++;
		}
	}

	private void collected(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GcInfo gc = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
		long before = heapUsed(gc.getMemoryUsageBeforeGc());
		long after = heapUsed(gc.getMemoryUsageAfterGc());
		synchronized (this.lock) {
			this.beforeGc = Math.max(this.beforeGc, before);
			this.afterGc = Math.max(this.afterGc, after);
			this.notified++;
		}
	}

	private long heapUsed(Map<String, MemoryUsage> pools) {
		long used = 0;
		for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
			if (this.heapPoolNames.contains(pool.getKey())) {
				used += pool.getValue().getUsed();
			}
		}
		return used;
	}

	private int notified() {
		synchronized (this.lock) {
			return this.notified;
		}
	}

	private long collections() {
		long count = 0;
		for (GarbageCollectorMXBean collector : this.collectors) {
			count += Math.max(0, collector.getCollectionCount());
		}
		return count;
	}

	@Override
	public void close() {
		this.stopped.countDown();
		try {
			this.connector.close();
		}
		catch (IOException ex) {
			// the downloader may be gone already
		}
	}

}
