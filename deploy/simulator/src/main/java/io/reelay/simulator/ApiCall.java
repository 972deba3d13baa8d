package io.reelay.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One request to a simulated API, read in full, with what every API needs to answer it:
 * its path below the provider's base, query parameters, JSON body, and
 * {@link #admit(Operation, String, String)}, where faults and prompt markers strike.
 */
public final class ApiCall {

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
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		ApiCall call = new ApiCall(exchange, provider, Exchanges.pathBelow(exchange, basePath), body, errors,
				simulation);
		simulation.requests().record(call.received(simulation.now()));
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
		long number = count(operation, prompt, taskId);
		Optional<FaultRule> rule = this.simulation.faults().take(this.provider, operation, prompt);
		if (rule.isPresent()) {
			return suffer(rule.get());
		}
		Scenario scenario = Scenario.fromPrompt(prompt);
		if (operation == Operation.CREATE && scenario == Scenario.BUSY && number == 1) {
			rateLimited(1, 0);
			return false;
		}
		if (operation == Operation.CREATE && scenario == Scenario.CREATE_ERROR) {
			this.errors.serverError(this, 500);
			return false;
		}
		if (operation == Operation.STATUS && scenario == Scenario.FLAKY && number % 2 == 1) {
			this.errors.serverError(this, 503);
			return false;
		}
		return true;
	}

	/**
	 * Whether a {@code TRUNCATE} fault struck: the download must stop half way.
	 */
	public boolean truncating() {
		return this.truncating;
	}

	private long count(Operation operation, String prompt, String taskId) {
		TaskBook tasks = this.simulation.tasks();
		if (operation == Operation.CREATE && prompt != null) {
			return tasks.countCreate(this.provider, prompt);
		}
		if (operation == Operation.STATUS && taskId != null) {
			return tasks.countCall("status", taskId);
		}
		if (operation == Operation.RETRIEVE && taskId != null) {
			return tasks.countCall("retrieve", taskId);
		}
		return 0;
	}

	private boolean suffer(FaultRule rule) throws IOException {
		switch (rule.fault()) {
			case RATE_LIMIT -> rateLimited(rule.retryAfterSecondsOrDefault(), rule.status());
			case SERVER_ERROR -> this.errors.serverError(this, rule.statusOr(500));
			case UNAUTHORIZED -> this.errors.unauthorized(this);
			case NO_CREDITS -> this.errors.noCredits(this);
			case CONTENT_POLICY -> this.errors.contentRejected(this);
			case RESET -> {
				// Closing before any response header is sent makes the server drop the
				// connection: the client reads nothing at all.
				this.exchange.close();
			}
			case SLOW -> {
				return waitFor(rule);
			}
			case TRUNCATE -> {
				this.truncating = true;
				return true;
			}
			case GENERATION_FAILURE -> {
				return true;
			}
		}
		return false;
	}

	private void rateLimited(int retryAfterSeconds, int status) throws IOException {
		setHeader("Retry-After", Integer.toString(retryAfterSeconds));
		this.errors.rateLimited(this, status);
	}

	private static boolean waitFor(FaultRule rule) {
		try {
			Thread.sleep(rule.delayOrDefault().toMillis());
			return true;
		}
		catch (InterruptedException stopping) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private ReceivedRequest received(Instant at) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		this.exchange.getRequestHeaders().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			headers.put(lower, lower.equals("authorization") ? List.of(ReceivedRequest.REDACTED) : List.copyOf(values));
		});
		byte[] kept = Arrays.copyOf(this.body, Math.min(this.body.length, ReceivedRequest.MAX_BODY_BYTES));
		return new ReceivedRequest(this.provider, method(), this.exchange.getRequestURI().getPath(),
				this.exchange.getRequestURI().getRawQuery(), header("Content-Type").orElse(null), headers, kept,
				this.body.length, this.carriesApiKey, at);
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}
