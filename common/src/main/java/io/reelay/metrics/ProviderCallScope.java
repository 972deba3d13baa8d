package io.reelay.metrics;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What the current thread is calling a provider for, so that the code making the HTTP
 * calls (the adapters' client, the downloader's fetcher) can count them without knowing
 * which stage runs it or why: the stage opens a scope around its use of a provider, the
 * HTTP code reports each call into whatever scope is open. A call made outside any scope
 * is not counted.
 */
public final class ProviderCallScope {

	private static final ThreadLocal<Scope> current = new ThreadLocal<>();

	private ProviderCallScope() {
	}

	/**
	 * Runs {@code work} with the calls it makes on this thread counted as {@code call}s
	 * to {@code provider}; scopes nest, the innermost counts.
	 */
	public static <T> T during(ProviderCallRecorder recorder, String provider, ProviderCall call, Supplier<T> work) {
		Scope outer = current.get();
		current.set(new Scope(recorder, ReelayMeters.provider(provider), call));
		try {
			return work.get();
		}
		finally {
			if (outer != null) {
				current.set(outer);
			}
			else {
				current.remove();
			}
		}
	}

	/**
	 * A call answered with {@code status}.
	 * @param startNanos its {@link System#nanoTime()} when it was sent
	 */
	public static void answered(int status, long startNanos) {
		record(Integer.toString(status), startNanos);
	}

	/**
	 * A call that got no HTTP answer (refused, reset, timed out).
	 * @param startNanos its {@link System#nanoTime()} when it was sent
	 */
	public static void unanswered(long startNanos) {
		record(ReelayMeters.IO_ERROR, startNanos);
	}

	private static void record(String status, long startNanos) {
		Scope scope = current.get();
		if (scope != null) {
			scope.recorder()
				.providerCall(scope.provider(), scope.call(), status, Duration.ofNanos(System.nanoTime() - startNanos));
		}
	}

	private record Scope(ProviderCallRecorder recorder, String provider, ProviderCall call) {
	}

}
