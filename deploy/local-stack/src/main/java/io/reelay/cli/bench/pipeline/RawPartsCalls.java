package io.reelay.cli.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A number of calls made by a few threads, each taking the next call as soon as its last
 * one ended: the part's rate at that concurrency, not a paced load.
 */
final class RawPartsCalls {

	private RawPartsCalls() {
	}

	/** One call: an HTTP request, a PUT. */
	@FunctionalInterface
	interface Call {

		void make(int index) throws Exception;

	}

	/**
	 * Makes {@code count} calls from {@code threads} threads; returns from the first call
	 * to the last one's end, or throws the first call's failure.
	 */
	static Duration run(int count, int threads, Call call) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "bench-parts-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			long start = System.nanoTime();
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				workers.add(pool.submit(() -> {
					for (int index = next.getAndIncrement(); index < count; index = next.getAndIncrement()) {
						call.make(index);
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				try {
					worker.get();
				}
				catch (ExecutionException ex) {
					next.set(count);
					throw (ex.getCause() instanceof Exception cause) ? cause : ex;
				}
			}
			return Duration.ofNanos(System.nanoTime() - start);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
