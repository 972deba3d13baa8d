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
import java.util.stream.Collectors;

import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;

/**
 * The heap of another JVM during one transfer, through its platform MBeans, reached the
 * way {@link HeapProbe} reaches them (JDK Attach API, local management agent): heap in
 * use read every 50 ms, the heap in use before and after every collection (GC
 * notifications), and each heap pool's own peak since the transfer began. Nothing here
 * forces a collection.
 */
final class DownloadHeapSampler implements AutoCloseable {

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

	private long sampled = -1;

	private int samples;

	private long beforeGc = -1;

	private long afterGc = -1;

	private int notified;

	private volatile boolean sampling;

	private Thread thread;

	private long collectionsAtStart;

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
		VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
		String address;
		try {
			address = vm.startLocalManagementAgent();
		}
		finally {
			vm.detach();
		}
		JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
		try {
			return new DownloadHeapSampler(connector);
		}
		catch (IOException | RuntimeException ex) {
			connector.close();
			throw ex;
		}
	}

	/** Resets the pools' peaks, listens to collections and starts sampling. */
	void start() throws Exception {
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
		this.collectionsAtStart = collections();
		for (GarbageCollectorMXBean collector : this.collectors) {
			this.connection.addNotificationListener(collector.getObjectName(), this.listener, null, null);
		}
		this.sampling = true;
		this.thread = new Thread(this::sample, "bench-heap-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stops sampling and says what it saw, in bytes. */
	DownloadReport.Heap stop(String video) throws Exception {
		this.sampling = false;
		this.thread.join();
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
			return new DownloadReport.Heap(video, Math.max(this.sampled, this.beforeGc), poolPeaks, this.afterGc,
					collections, this.samples);
		}
	}

	private void sample() {
		while (this.sampling) {
			try {
				long used = this.memory.getHeapMemoryUsage().getUsed();
				synchronized (this.lock) {
					this.sampled = Math.max(this.sampled, used);
					this.samples++;
				}
				Thread.sleep(INTERVAL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the JVM is gone: the transfer's outcome says why
				return;
			}
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
		this.sampling = false;
		try {
			this.connector.close();
		}
		catch (IOException ex) {
			// the downloader may be gone already
		}
	}

}
