package io.reelay.stack;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.reelay.event.EventJson;
import io.reelay.event.Usage;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.testing.Events;
import io.reelay.storage.MinioObjectStore;
import io.reelay.testing.RecordPublisher;
import io.reelay.testing.TestImages;
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
		stack = TestStacks.start(data);
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

	@Test
	void storesAVideoFromEveryProviderTextAndImageToVideo() throws Exception {
		String frameInBucket = putFrameInBucket();
		String run = Events.newRequestId();
		Map<String, VideoRequested> byProvider = new LinkedHashMap<>();
		byProvider.put("generic", request("generic", "sim-video-1", run).duration(5).build());
		byProvider.put("minimax",
				request("minimax", "I2V-01-Director", run).prompt("[Pan left] a harbour at dawn " + run)
					.image(pngDataUrl())
					.enhancePrompt(false)
					.build());
		byProvider.put("aimlapi", request("aimlapi", "video-01", run).image(frameInBucket).build());
		byProvider.put("tchavi",
				request("tchavi", "seedance-2", run).duration(4)
					.resolution("720p")
					.image(frameInBucket)
					.generateAudio(false)
					.build());
		byProvider.put("openai",
				request("openai", "veo-3.1-generate-preview", run).duration(8)
					.resolution("1080p")
					.aspectRatio("16:9")
					.image(pngDataUrl())
					.build());
		Set<String> ids = byProvider.values().stream().map(VideoRequested::requestId).collect(Collectors.toSet());

		try (RecordPublisher publisher = new RecordPublisher(stack.bootstrapServers());
				TopicWatcher watcher = new TopicWatcher(stack.bootstrapServers(), "video.stored", "video.failed")) {
			byProvider.values()
				.forEach((request) -> publisher.publishEvent("video.requests", request.requestId(), request));

			Map<String, VideoStored> stored = watcher
				.awaitRecords("video.stored", (record) -> ids.contains(record.key()), byProvider.size())
				.stream()
				.map((record) -> EventJson.read(record.value(), VideoStored.class))
				.collect(Collectors.toMap(VideoStored::provider, (video) -> video));

			assertThat(watcher.recordsNow("video.failed", (record) -> ids.contains(record.key()))).isEmpty();
			assertThat(stored).containsOnlyKeys(byProvider.keySet());
			for (VideoStored video : stored.values()) {
				byte[] served = stack.simulator().videoOf(video.providerTaskId());
				assertThat(video.sha256()).as("sha256 of the %s video", video.provider()).isEqualTo(sha256(served));
				assertThat(sha256(Files.readAllBytes(stack.fileOf(video.key())))).isEqualTo(sha256(served));
				String prompt = byProvider.get(video.provider()).prompt();
				assertThat(stack.simulator().tasks().callsOf("create", prompt))
					.as("create calls to %s", video.provider())
					.isEqualTo(1);
			}
			assertThat(stored.get("aimlapi").usage().credits()).isPositive();
			assertThat(stored.get("tchavi").usage().credits()).isEqualTo(4 * 580.0);
			assertThat(stored.get("openai").usage().costUsd()).isEqualTo(1.2);
			assertThat(stored.get("openai").usage().source()).isEqualTo(Usage.Source.PRICE_LIST);
		}
	}

	private static VideoRequested.Builder request(String provider, String model, String run) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(provider)
			.model(model)
			.prompt("a harbour at dawn, " + provider + " " + run)
			.metadata(Map.of("test", "every provider"));
	}

	private static String putFrameInBucket() throws Exception {
		byte[] png = TestImages.image("png", 640, 360);
		try (MinioObjectStore store = stack.openStore()) {
			String key = "inputs/frame-" + Events.newRequestId() + ".png";
			store.put(key, new ByteArrayInputStream(png), png.length, "image/png", Map.of());
			return "s3://" + StackSettings.BUCKET + "/" + key;
		}
	}

	private static String pngDataUrl() {
		return TestImages.pngDataUrl(640, 360);
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
