package io.reelay.deploy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.reelay.event.VideoRequested;
import io.reelay.stack.LocalStack;
import io.reelay.stack.TestStacks;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every series the Grafana dashboard queries, with the labels it groups and filters by,
 * is one the services really emit: the whole pipeline runs a few requests to their end,
 * one stored per kind of cost and one failed, and each service's /actuator/prometheus is
 * scraped.
 */
class DashboardMetricsIntegrationTests {

	/** Labels Prometheus gives every series of a target when it scrapes it. */
	private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

	@TempDir
	static Path data;

	private static LocalStack stack;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		stack = TestStacks.start(data);
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void everySeriesAndLabelTheDashboardQueriesIsOneTheServicesEmit() {
		// openai: a price in USD and video seconds; aimlapi: credits; generic: a failure
		VideoRequested priced = request("openai", "veo-3.1-fast-generate-preview").duration(8)
			.resolution("720p")
			.aspectRatio("16:9")
			.build();
		VideoRequested credited = request("aimlapi", "video-01").build();
		VideoRequested failing = request("generic", "sim-video-1").prompt("a harbour at dawn [sim:fail]").build();
		try (RecordPublisher publisher = new RecordPublisher(stack.bootstrapServers());
				TopicWatcher watcher = new TopicWatcher(stack.bootstrapServers(), "video.stored", "video.failed")) {
			for (VideoRequested request : List.of(priced, credited, failing)) {
				publisher.publishEvent("video.requests", request.requestId(), request);
			}
			watcher.awaitRecord("video.stored", priced.requestId());
			watcher.awaitRecord("video.stored", credited.requestId());
			watcher.awaitRecord("video.failed", failing.requestId());
		}

		DashboardQueries dashboard = DashboardQueries.read(RepositoryFiles.DASHBOARD);
		// meters are recorded once a stage's transaction commits, a moment after its
		// event
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(missing(dashboard, scrapeEveryService())).isEmpty());
	}

	/** What the dashboard asks for that no service emits, one line each. */
	private static List<String> missing(DashboardQueries dashboard, PrometheusScrape scrape) {
		List<String> missing = new ArrayList<>();
		for (String expression : dashboard.expressions()) {
			for (String series : DashboardQueries.seriesOf(expression)) {
				if (!scrape.has(series)) {
					missing.add(series + " (queried by " + expression + ")");
					continue;
				}
				for (String label : DashboardQueries.labelsOf(expression)) {
					if (!TARGET_LABELS.contains(label) && !scrape.labelsOf(series).contains(label)) {
						missing.add(series + " has no label " + label + " (queried by " + expression + ")");
					}
				}
			}
		}
		return missing;
	}

	private PrometheusScrape scrapeEveryService() throws Exception {
		Map<String, Integer> ports = stack.servicePorts();
		assertThat(ports).containsOnlyKeys("reelay-submitter", "reelay-poller", "reelay-downloader");
		PrometheusScrape scrape = new PrometheusScrape();
		for (int port : ports.values()) {
			HttpResponse<String> answer = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("/actuator/prometheus on port %d", port).isEqualTo(200);
			scrape.add(answer.body());
		}
		return scrape;
	}

	private static VideoRequested.Builder request(String provider, String model) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(provider)
			.model(model)
			.prompt("a lighthouse at night, " + provider)
			.metadata(Map.of("test", "dashboard"));
	}

}
