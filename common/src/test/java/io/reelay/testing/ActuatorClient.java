package io.reelay.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's actuator over HTTP, as Prometheus and Kubernetes see it: the scrape, read
 * into samples, and the health endpoints.
 */
public final class ActuatorClient {

	/** {@code name{label="value",...} value}, labels optional. */
	private static final Pattern SAMPLE = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?\\s+(\\S+)(?:\\s+\\S+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI base;

	public ActuatorClient(int port) {
		this.base = URI.create("http://127.0.0.1:" + port + "/actuator");
	}

	/** The scrape, as Prometheus gets it. */
	public String scrape() {
		HttpResponse<String> response = get("/prometheus");
		if (response.statusCode() != 200) {
			throw new IllegalStateException("/actuator/prometheus answered " + response.statusCode());
		}
		return response.body();
	}

	/**
	 * The sum of the samples named {@code name} whose labels include {@code labels}; 0
	 * when there is none.
	 */
	public double sample(String name, Map<String, String> labels) {
		return sum(scrape(), name, labels);
	}

	/** Whether the scrape has any sample named {@code name}. */
	public boolean has(String name) {
		return scrape().lines().anyMatch((line) -> line.startsWith(name + "{") || line.startsWith(name + " "));
	}

	public static double sum(String scrape, String name, Map<String, String> labels) {
		double sum = 0;
		for (String line : scrape.split("\n")) {
			Matcher sample = SAMPLE.matcher(line.strip());
			if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
				continue;
			}
			if (matches(sample.group(2), labels)) {
				sum += Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

	private static boolean matches(String text, Map<String, String> wanted) {
		Map<String, String> labels = new HashMap<>();
		if (text != null) {
			Matcher label = LABEL.matcher(text);
			while (label.find()) {
				labels.put(label.group(1), label.group(2));
			}
		}
		return wanted.entrySet().stream().allMatch((entry) -> entry.getValue().equals(labels.get(entry.getKey())));
	}

	/** A health endpoint's HTTP status and JSON body, e.g. {@code /health/readiness}. */
	public Health health(String path) {
		HttpResponse<String> response = get(path);
		return new Health(response.statusCode(), JsonMapper.builder().build().readTree(response.body()));
	}

	/** What a health endpoint answered. */
	public record Health(int httpStatus, JsonNode body) {

		public String status() {
			return text(this.body.path("status"));
		}

		/** A component's status, e.g. {@code kafka}; empty when it is not part of it. */
		public String status(String component) {
			return text(this.body.path("components").path(component).path("status"));
		}

		private static String text(JsonNode node) {
			return node.isString() ? node.asString() : "";
		}

		public JsonNode details(String component) {
			return this.body.path("components").path(component).path("details");
		}

	}

	private HttpResponse<String> get(String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("GET /actuator" + path + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
