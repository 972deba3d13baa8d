package io.reelay.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.reelay.simulator.fault.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request to a simulated API, read in full, with what every API needs to answer it:
 * its path below the provider's base, query parameters, JSON body, and
 * {@link #admit(Operation, String, String)}, where faults and prompt markers strike.
 */
public final class ApiCall {

	private static final byte[] NO_BODY = new byte[0];

	private final HttpExchange exchange;

	private final String provider;

	private final String path;

	private final byte[] body;

	private final ErrorAnswers errors;

	private final Simulation simulation;

	private final boolean carriesApiKey;

	private boolean truncating;

	private ApiCall(HttpExchange exchange, String provider, String path, byte[] body, ErrorAnswers errors,
			Simulation simulation) {
		this.exchange = exchange;
		this.provider = provider;
		this.path = path;
		this.body = body;
		this.errors = errors;
		this.simulation = simulation;
		this.carriesApiKey = Exchanges.hasBearer(exchange, simulation.settings().apiKey());
	}

	/** Reads a request and records it in the request log. */
	static ApiCall read(HttpExchange exchange, String provider, String basePath, ErrorAnswers errors,
			Simulation simulation) throws IOException {
		byte[] body = readBody(exchange);
		ApiCall call = new ApiCall(exchange, provider, Exchanges.pathBelow(exchange, basePath), body, errors,
				simulation);
		simulation.requests().record(ReceivedRequest.of(call, simulation.now()));
		return call;
	}

	public String provider() {
		return this.provider;
	}

	public String method() {
		return this.exchange.getRequestMethod();
	}

	/** The path below the provider's base, e.g. {@code /v1/jobs/job_1}. */
	public String path() {
		return this.path;
	}

	public byte[] body() {
		return this.body;
	}

	public Optional<String> header(String name) {
		return Optional.ofNullable(this.exchange.getRequestHeaders().getFirst(name));
	}

	/** The {@code Content-Type} without parameters, in lower case, or "". */
	public String mediaType() {
		return header("Content-Type").map((type) -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
	}

	/** The first value of a query parameter. */
	public Optional<String> query(String name) {
		String raw = this.exchange.getRequestURI().getRawQuery();
		if (raw == null) {
			return Optional.empty();
		}
		for (String pair : raw.split("&")) {
			String[] parts = pair.split("=", 2);
			if (decode(parts[0]).equals(name)) {
				return Optional.of((parts.length > 1) ? decode(parts[1]) : "");
			}
		}
		return Optional.empty();
	}

	/** The body as a JSON object, empty when it is not one. */
	public Optional<JsonNode> jsonObject() {
		try {
			JsonNode node = Exchanges.json().readTree(this.body);
			return (node != null && node.isObject()) ? Optional.of(node) : Optional.empty();
		}
		catch (JacksonException notJson) {
			return Optional.empty();
		}
	}

	/**
	 * The JSON body's {@code prompt}, what faults and markers match a creation by; null
	 * when there is none.
	 */
	public String jsonPrompt() {
		return jsonObject().map((json) -> json.path("prompt"))
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.orElse(null);
	}

	/** Whether an {@code Authorization} header came at all, right or wrong. */
	public boolean sentAuthorization() {
		return header("Authorization").isPresent();
	}

	boolean carriesApiKey() {
		return this.carriesApiKey;
	}

	public Simulation simulation() {
		return this.simulation;
	}

	public HttpExchange exchange() {
		return this.exchange;
	}

	public void setHeader(String name, String value) {
		this.exchange.getResponseHeaders().set(name, value);
	}

	public void sendJson(int status, Object body) throws IOException {
		Exchanges.sendJson(this.exchange, status, body);
	}

	public void sendBytes(int status, String contentType, byte[] body) throws IOException {
		Exchanges.sendBytes(this.exchange, status, contentType, body);
	}

	/**
	 * Counts the call and lets faults and prompt markers strike: returns {@code false}
	 * when the call has been answered (or dropped) already and the API must stop.
	 * @param prompt the prompt the call is about, {@code null} if unknown
	 * @param taskId the task the call is about, {@code null} for a creation
	 */
	public boolean admit(Operation operation, String prompt, String taskId) throws IOException {
		return Admission.admit(this, operation, prompt, taskId);
	}

	/** {@link #admit} for a creation, by the prompt in its JSON body. */
	public boolean admitCreation() throws IOException {
		return admit(Operation.CREATE, jsonPrompt(), null);
	}

	/**
	 * {@link #admit} for a call about a task, found or not: faults and markers match the
	 * prompt of a task found.
	 */
	public boolean admitAbout(Operation operation, Optional<SimulatedTask> task, String taskId) throws IOException {
		return admit(operation, task.map(SimulatedTask::prompt).orElse(null), taskId);
	}

	/**
	 * Whether a {@code TRUNCATE} fault struck: the download must stop half way.
	 */
	public boolean truncating() {
		return this.truncating;
	}

	void truncate() {
		this.truncating = true;
	}

	ErrorAnswers errors() {
		return this.errors;
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			Headers headers = exchange.getRequestHeaders();
			String length = headers.getFirst("Content-Length");
			// Most calls are bodiless polls, for which readAllBytes would still allocate
			// its 8 KiB buffer.
			if ((length == null || length.equals("0")) && !headers.containsKey("Transfer-Encoding")) {
				return NO_BODY;
			}
			return in.readAllBytes();
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
