package io.reelay.downloader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves small MP4s, but holds every request until {@code width} requests are being
 * served at once (or a few seconds passed), and records the most it ever saw at once: a
 * downloader that fetches one at a time, or more than its bound, shows here.
 */
final class ConcurrencyGate implements AutoCloseable {

	private final HttpServer server;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger most = new AtomicInteger();

	private volatile CountDownLatch full;

	private final int width;

	private ConcurrencyGate(HttpServer server, int width) {
		this.server = server;
		this.width = width;
		this.full = new CountDownLatch(width);
	}

	static ConcurrencyGate start(int width) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			ConcurrencyGate gate = new ConcurrencyGate(server, width);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/", (exchange) -> {
				int now = gate.inFlight.incrementAndGet();
				System.out
					.println("GATE in " + now + " " + exchange.getRequestURI() + " " + System.currentTimeMillis());
				gate.most.accumulateAndGet(now, Math::max);
				try (exchange) {
					CountDownLatch latch = gate.full;
					latch.countDown();
					latch.await(5, TimeUnit.SECONDS);
					synchronized (gate) {
						// full or timed out: the next request starts a new round
						if (gate.full == latch) {
							gate.full = new CountDownLatch(gate.width);
						}
					}
					byte[] video = { 0, 0, 0, 16, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0 };
					exchange.sendResponseHeaders(200, video.length);
					exchange.getResponseBody().write(video);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					gate.inFlight.decrementAndGet();
				}
			});
			server.start();
			return gate;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	int mostAtOnce() {
		return this.most.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
