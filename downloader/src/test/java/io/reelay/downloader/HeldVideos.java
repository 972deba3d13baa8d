package io.reelay.downloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves a small MP4 at any path, at once, or only once the test releases it: a download
 * that is still running at a moment the test chooses. Counts the requests for each path.
 */
final class HeldVideos implements AutoCloseable {

	private static final byte[] VIDEO = { 0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0 };

	private final HttpServer server;

	private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private HeldVideos(HttpServer server) {
		this.server = server;
	}

	static HeldVideos start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			HeldVideos videos = new HeldVideos(server);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/", (exchange) -> {
				String path = exchange.getRequestURI().getPath();
				videos.requests.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
				try (exchange) {
					CountDownLatch latch = videos.held.get(path);
					if (latch != null) {
						latch.await(60, TimeUnit.SECONDS);
					}
					exchange.sendResponseHeaders(200, VIDEO.length);
					exchange.getResponseBody().write(VIDEO);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				catch (IOException ex) {
					// the downloader went away
				}
			});
			server.start();
			return videos;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A URL whose video is served only after {@link #release(String)}. */
	String held(String path) {
		this.held.put(path, new CountDownLatch(1));
		return url(path);
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	void release(String path) {
		this.held.remove(path).countDown();
	}

	void releaseAll() {
		this.held.values().forEach(CountDownLatch::countDown);
		this.held.clear();
	}

	int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		releaseAll();
		this.server.stop(0);
	}

}
