package io.reelay.downloader;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads downloads run in, {@code reelay.downloader.max-concurrent} of them, shared
 * by the instance's consumers: a consumer starts a download only when a thread is free,
 * so records wait in Kafka, not in memory.
 */
final class DownloadPool {

	private static final Logger log = LoggerFactory.getLogger(DownloadPool.class);

	private final ExecutorService threads;

	private final int size;

	private final AtomicInteger busy = new AtomicInteger();

	DownloadPool(int size) {
		this.size = size;
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(size, (task) -> {
			Thread thread = new Thread(task, "reelay-download-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs {@code task} when a thread is free; null when none is. */
	Future<?> tryStart(Runnable task) {
		int now;
		do {
			now = this.busy.get();
			if (now >= this.size) {
				return null;
			}
		}
		while (!this.busy.compareAndSet(now, now + 1));
		return submit(task);
	}

	/** Runs {@code task} as soon as a thread is free, even if that is later. */
	Future<?> start(Runnable task) {
		this.busy.incrementAndGet();
		return submit(task);
	}

	boolean full() {
		return this.busy.get() >= this.size;
	}

	private Future<?> submit(Runnable task) {
		try {
			return this.threads.submit(() -> {
				try {
					task.run();
				}
				finally {
					this.busy.decrementAndGet();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.busy.decrementAndGet();
			throw ex;
		}
	}

	/**
	 * Interrupts what still runs and gives it {@code wait} to abort its uploads. A
	 * download blocked on a silent connection notices only at its read timeout.
	 */
	void close(Duration wait) {
		this.threads.shutdownNow();
		try {
			if (!this.threads.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("{} downloads still running {} after they were interrupted; they publish nothing",
						this.busy.get(), wait);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Each download holds two upload parts: too many for the heap and downloads fail with
	 * out-of-memory errors under load only.
	 */
	static boolean warnIfBuffersCrowdTheHeap(int maxConcurrent, int partSize, long maxHeap) {
		long buffers = 2L * partSize * maxConcurrent;
		if (buffers <= maxHeap / 2) {
			return false;
		}
		log.warn(
				"{} downloads at once hold up to {} MB of upload parts (2 x reelay.storage.part-size {} MB each), "
						+ "more than half the {} MB heap: lower reelay.downloader.max-concurrent or "
						+ "reelay.storage.part-size, or give the downloader more memory",
				maxConcurrent, buffers >> 20, partSize >> 20, maxHeap >> 20);
		return true;
	}

}
