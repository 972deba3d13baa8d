package io.reelay.downloader.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on 127.0.0.1 with canned answers per path; it records every request it
 * receives. Unknown paths answer 404.
 */
final class LocalHttpServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, HttpHandler> answers = new ConcurrentHashMap<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	LocalHttpServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/** Answers the path with a status, a body and header name/value pairs. */
	LocalHttpServer answer(String path, int status, String body, String... headers) {
		return answer(path, (exchange) -> {
			for (int i = 0; i < headers.length; i += 2) {
				exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
			}
			send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
		});
	}

	LocalHttpServer answer(String path, HttpHandler handler) {
		this.answers.put(path, handler);
		return this;
	}

	LocalHttpServer redirect(String path, int status, String location) {
		return answer(path, status, "", "Location", location);
	}

	/** Every request so far, oldest first. */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The requests for one path. */
	List<Received> received(String path) {
		return this.received.stream().filter((request) -> request.path().equals(path)).toList();
	}

	static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> headers = new ConcurrentHashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		String path = exchange.getRequestURI().getRawPath();
		this.received
			.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers));
		HttpHandler answer = this.answers.get(path);
		if (answer == null) {
			send(exchange, 404, "no such path".getBytes(StandardCharsets.UTF_8));
			return;
		}
		answer.handle(exchange);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param headers by lower-case name, repeated values joined with commas
	 */
	record Received(String method, String path, String query, Map<String, String> headers) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

}
