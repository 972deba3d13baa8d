package io.reelay.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.management.remote.JMXConnector;

import io.reelay.simulator.ReceivedRequest;

/**
 * The live set of another JVM during one transfer: the heap in use read right after a
 * full collection forced over JMX, as {@link HeapProbe#heapAfterGc()} does. Read once as
 * {@code video.completed} is about to be published (idle), then from the moment the
 * video's simulator receives the downloader's first request for the file every 250 ms
 * until the outcome arrives. The forced collections change the peak: this run reads no
 * peak.
 */
final class DownloadLiveSet implements DownloadCopies.Watch, AutoCloseable {

	private static final long INTERVAL_MILLIS = 250;

	/** How often the simulator's request log is looked at until the transfer starts. */
	private static final long START_POLL_MILLIS = 10;

	private final JMXConnector connector;

	private final MemoryMXBean memory;

	private final DownloadVideo video;

	private final Object lock = new Object();

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final List<Long> readings = new ArrayList<>();

	private long idle = -1;

	private ReceivedRequest requestBefore;

	private Thread thread;

	private DownloadLiveSet(JMXConnector connector, DownloadVideo video) throws IOException {
		this.connector = connector;
		this.memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
				ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
		this.video = video;
	}

	/**
	 * Attaches to the JVM {@code pid}, which is to transfer {@code video}, and connects
	 * to its management agent.
	 */
	static DownloadLiveSet attach(long pid, DownloadVideo video) throws Exception {
		JMXConnector connector = HeapProbe.connect(pid);
		try {
			return new DownloadLiveSet(connector, video);
		}
		catch (IOException | RuntimeException ex) {
			connector.close();
			throw ex;
		}
	}

	/**
	 * Reads the idle live set, before anything is published, and starts waiting for the
	 * transfer.
	 */
	@Override
	public void begin() {
		this.requestBefore = this.video.lastFileRequest();
		try {
			long idle = afterFullGc();
			synchronized (this.lock) {
				this.idle = idle;
			}
		}
		catch (RuntimeException ex) {
			// the JVM is gone: the transfer's outcome says why
		}
		this.thread = new Thread(this::readDuringTransfer, "bench-live-set");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stops reading: the outcome arrived. */
	@Override
	public void end() throws Exception {
		this.stopped.countDown();
		if (this.thread != null) {
			this.thread.join();
		}
	}

	/** What it read between {@link #begin()} and {@link #end()}, in bytes. */
	DownloadReport.Live report() {
		synchronized (this.lock) {
			return new DownloadReport.Live(this.video.label(), this.idle, this.readings);
		}
	}

	/**
	 * Waits for the downloader's first request for the file, then reads every 250 ms
	 * until stopped, each collection forced only while the outcome has not arrived, or
	 * until a reading fails: then the JVM is gone.
	 */
	private void readDuringTransfer() {
		try {
			while (this.video.lastFileRequest() == this.requestBefore) {
				if (this.stopped.await(START_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
			while (this.stopped.getCount() > 0) {
				long used = afterFullGc();
				synchronized (this.lock) {
					this.readings.add(used);
				}
				this.stopped.await(INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			// the JVM is gone
		}
	}

	private long afterFullGc() {
		this.memory.gc();
		return this.memory.getHeapMemoryUsage().getUsed();
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
