package io.reelay.stack;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.reelay.event.EventJson;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.testing.Events;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.TopicWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline, as the demo runs it: requests in, verified videos in the bucket
 * out.
 */
class LocalStackIntegrationTests {

	@TempDir
	static Path data;

	private static LocalStack stack;

	@BeforeAll
	static void start() throws Exception {
		stack = LocalStack.start(StackSettings.ephemeral(data)
			.withKafka(TestInfrastructure.kafkaBootstrapServers())
			.withTimings(Duration.ofMillis(300), Duration.ofMillis(200)));
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void storesTwentyRequestsEachExactlyAsTheProviderServedIt() throws Exception {
		List<VideoRequested> requests = IntStream.rangeClosed(1, 20)
			.mapToObj((i) -> Events.aRequest(Events.newRequestId(), "scene " + i + ": a lighthouse at night"))
			.toList();
		Set<String> ids = requests.stream().map(VideoRequested::requestId).collect(Collectors.toSet());

		try (RecordPublisher publisher = new RecordPublisher(stack.bootstrapServers());
				TopicWatcher watcher = new TopicWatcher(stack.bootstrapServers(), "video.stored", "video.failed")) {
			requests.forEach((request) -> publisher.publishEvent("video.requests", request.requestId(), request));

			List<VideoStored> stored = watcher.awaitRecords("video.stored", (record) -> ids.contains(record.key()), 20)
				.stream()
				.map((record) -> EventJson.read(record.value(), VideoStored.class))
				.toList();

			assertThat(stored).extracting(VideoStored::requestId).containsExactlyInAnyOrderElementsOf(ids);
			for (VideoStored video : stored) {
				byte[] served = stack.simulator().videoOf(video.providerTaskId());
				assertThat(video.sha256()).as("sha256 of %s", video.requestId()).isEqualTo(sha256(served));
				assertThat(video.size()).isEqualTo(served.length);
				Path file = stack.fileOf(video.key());
				assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(served));
				try (InputStream head = Files.newInputStream(file)) {
					assertThat(new String(head.readNBytes(8), 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
						.isEqualTo("ftyp");
				}
			}
			assertThat(watcher.recordsNow("video.failed", (record) -> ids.contains(record.key()))).isEmpty();
			assertThat(stored).extracting(VideoStored::providerTaskId).doesNotHaveDuplicates();
		}
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
