package io.reelay.simulator;

import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.json.JsonMapper;

/** The few things every simulated API does with an HTTP exchange. */
public final class Exchanges {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Exchanges() {
	}

	public static JsonMapper json() {
		return JSON;
	}

	public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	public static void sendBytes(HttpExchange exchange, int status, String contentType, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	public static boolean hasBearer(HttpExchange exchange, String apiKey) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		return authorization != null && authorization.equals("Bearer " + apiKey);
	}

	/**
	 * The path below a handler's context, e.g. {@code abc} for {@code /v1/jobs/abc} under
	 * {@code /v1/jobs/}.
	 */
	public static String pathBelow(HttpExchange exchange, String prefix) {
		String path = exchange.getRequestURI().getPath();
		return path.startsWith(prefix) ? path.substring(prefix.length()) : "";
	}

}
