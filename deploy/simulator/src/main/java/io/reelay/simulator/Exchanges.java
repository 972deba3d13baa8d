package io.reelay.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

	/**
	 * The JSON object in the request body, or empty when the body is not a JSON object.
	 */
	public static Optional<JsonNode> readJsonObject(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			JsonNode body = JSON.readTree(in.readAllBytes());
			return (body != null && body.isObject()) ? Optional.of(body) : Optional.empty();
		}
		catch (JacksonException notJson) {
			return Optional.empty();
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
