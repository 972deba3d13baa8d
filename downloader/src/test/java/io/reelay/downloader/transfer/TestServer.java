package io.reelay.downloader.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A video server that misbehaves the way a test asks: each GET is answered by the
 * handler, which knows how many came before. It keeps every request's headers.
 */
final class TestServer implements AutoCloseable {

	/** Answers the n-th request (0-based). */
	interface Answer {

		void answer(HttpExchange exchange, int n) throws IOException;

	}

	private final HttpServer server;

	private final List<com.sun.net.httpserver.Headers> requests = new CopyOnWriteArrayList<>();

	TestServer(Answer answer) throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", (exchange) -> {
			int n;
			synchronized (this.requests) {
				n = this.requests.size();
				this.requests.add(exchange.getRequestHeaders());
			}
			try {
				answer.answer(exchange, n);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	List<com.sun.net.httpserver.Headers> requests() {
		return this.requests;
	}

	/** Sends {@code sent} of {@code body}'s bytes, announcing all of them. */
	static void send(HttpExchange exchange, int status, byte[] body, int from, int sent) throws IOException {
		exchange.sendResponseHeaders(status, body.length - from);
		OutputStream out = exchange.getResponseBody();
		out.write(body, from, sent);
		out.flush();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
