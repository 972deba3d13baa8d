package io.reelay.downloader.transfer;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.reelay.downloader.DownloaderProperties;
import io.reelay.downloader.fetch.FetchSettings;
import io.reelay.downloader.fetch.VideoFetcher;
import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.event.VideoCompleted;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.minimax.MinimaxProvider;
import io.reelay.provider.openai.OpenAiProvider;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.simulator.fault.Fault;
import io.reelay.simulator.fault.FaultRule;
import io.reelay.simulator.fault.Operation;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;
import io.reelay.storage.StoredObject;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One download from start to stored object, against the simulator (videos of several
 * upload parts) or a server that misbehaves on purpose, into the real S3-compatible
 * server. Waits are recorded, not slept.
 */
class VideoTransferTests {

	private static final int PART = 5 * 1024 * 1024;

	private static ProviderSimulator simulator;

	private static MinioObjectStore store;

	private final List<Duration> pauses = new ArrayList<>();

	private final VideoFetcher fetcher = new VideoFetcher(
			new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), 5),
			new DestinationGuard(List.of("127.0.0.1")));

	@BeforeAll
	static void start() throws Exception {
		simulator = ProviderSimulator.start(SimulatorSettings.forTests().withVideoBytes(12L * 1024 * 1024));
		var s3 = TestInfrastructure.s3();
		store = new MinioObjectStore(new StorageProperties(s3.endpoint(), "us-east-1", s3.accessKey(), s3.secretKey(),
				"transfer-tests", true, ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofBytes(PART)));
		store.ensureBucket();
	}

	@AfterAll
	static void stop() throws Exception {
		simulator.close();
		store.close();
	}

	@AfterEach
	void clearFaults() {
		simulator.faults().clear();
	}

	@Test
	void streamsAVideoOfSeveralPartsAndRecordsItsSha256() throws Exception {
		SimulatedTask task = finished("generic", "three parts");
		byte[] served = simulator.videoOf(task.id());

		StoredObject stored = transfer().store(generic(), completed(task), key(), "video/mp4",
				Map.of("request-id", "r1"), new ProviderTime());

		assertThat(served.length).isGreaterThan(2 * PART);
		assertThat(stored.size()).isEqualTo(served.length);
		assertThat(stored.sha256()).isEqualTo(sha256(served));
		assertThat(store.find(stored.key()).orElseThrow().metadata()).containsEntry("sha256", sha256(served))
			.containsEntry("request-id", "r1")
			.containsKey("stored-at");
		assertThat(read(stored.key())).isEqualTo(served);
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void clearsThePartsAKilledDownloaderLeftForTheSameKey() throws Exception {
		SimulatedTask task = finished("generic", "second try after a crash");
		String key = key();
		store.startUpload(key, "video/mp4", Map.of()).sendPart(new byte[PART], PART).join();

		transfer().store(generic(), completed(task), key, "video/mp4", Map.of(), new ProviderTime());

		assertThat(store.incompleteUploads(key)).isEmpty();
		assertThat(read(key)).isEqualTo(simulator.videoOf(task.id()));
	}

	@Test
	void resumesABrokenDownloadFromWhereItStoppedWithIfRange() throws Exception {
		SimulatedTask task = finished("generic", "a harbour cut in half");
		simulator.faults().add(FaultRule.on("generic", Operation.DOWNLOAD, Fault.TRUNCATE).withTimes(1));
		byte[] served = simulator.videoOf(task.id());

		StoredObject stored = transfer().store(generic(), completed(task), key(), "video/mp4", Map.of(),
				new ProviderTime());

		assertThat(stored.sha256()).isEqualTo(sha256(served));
		var gets = simulator.received("generic")
			.stream()
			.filter((request) -> request.path().contains(task.id()))
			.toList();
		assertThat(gets).hasSize(2);
		assertThat(gets.get(1).header("Range")).hasValue("bytes=" + served.length / 2 + "-");
		assertThat(gets.get(1).header("If-Range")).hasValueSatisfying((etag) -> assertThat(etag).startsWith("\""));
	}

	@Test
	void startsOverWhenTheServerDoesNotTakeRangesAndLeavesNoPartsOfTheBrokenUpload() throws Exception {
		byte[] video = mp4(3 * PART + 1234);
		try (TestServer server = new TestServer(
				(exchange, n) -> TestServer.send(exchange, 200, video, 0, (n == 0) ? 2 * PART + 10 : video.length))) {
			String key = key();

			StoredObject stored = transfer().store(generic(), completedAt(server.url("/v.mp4")), key, "video/mp4",
					Map.of(), new ProviderTime());

			assertThat(stored.sha256()).isEqualTo(sha256(video));
			assertThat(server.requests()).hasSize(2);
			assertThat(server.requests().get(1).getFirst("Range")).isNull();
			assertThat(store.incompleteUploads(key)).isEmpty();
		}
	}

	@Test
	void startsOverWhenTheVideoChangedBetweenTheBreakAndTheResume() throws Exception {
		byte[] video = mp4(2 * PART + 99);
		try (TestServer server = new TestServer((exchange, n) -> {
			exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
			exchange.getResponseHeaders().set("ETag", "\"v" + n + "\"");
			// an If-Range naming an old version gets the whole file, as RFC 9110 says
			TestServer.send(exchange, 200, video, 0, (n == 0) ? PART + 7 : video.length);
		})) {
			StoredObject stored = transfer().store(generic(), completedAt(server.url("/v.mp4")), key(), "video/mp4",
					Map.of(), new ProviderTime());

			assertThat(stored.sha256()).isEqualTo(sha256(video));
			assertThat(server.requests().get(1).getFirst("If-Range")).isEqualTo("\"v0\"");
			assertThat(server.requests()).hasSize(3);
		}
	}

	@Test
	void resumesWhenTheServerFallsSilentMidBody() throws Exception {
		byte[] video = mp4(PART + 4321);
		CountDownLatch done = new CountDownLatch(1);
		try (TestServer server = new TestServer((exchange, n) -> {
			exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
			exchange.getResponseHeaders().set("ETag", "\"one\"");
			if (n == 0) {
				TestServer.send(exchange, 200, video, 0, 1000);
				// silent, with the connection open, until the download got the video
				// another way
				awaitQuietly(done);
				return;
			}
			int from = Integer.parseInt(exchange.getRequestHeaders().getFirst("Range").replaceAll("\\D", ""));
			exchange.getResponseHeaders()
				.set("Content-Range", "bytes " + from + "-" + (video.length - 1) + "/" + video.length);
			TestServer.send(exchange, 206, video, from, video.length - from);
		});
				VideoFetcher impatient = new VideoFetcher(
						new FetchSettings(Duration.ofSeconds(5), Duration.ofMillis(500), 5),
						new DestinationGuard(List.of("127.0.0.1")))) {
			VideoTransfer transfer = new VideoTransfer(impatient, store, properties(DataSize.ofGigabytes(1), 8),
					java.time.Clock.systemUTC(), this.pauses::add);

			StoredObject stored;
			try {
				stored = transfer.store(generic(), completedAt(server.url("/v.mp4")), key(), "video/mp4", Map.of(),
						new ProviderTime());
			}
			finally {
				done.countDown();
			}

			assertThat(stored.sha256()).isEqualTo(sha256(video));
			assertThat(server.requests()).hasSize(2);
			assertThat(server.requests().get(1).getFirst("Range")).isEqualTo("bytes=1000-");
		}
	}

	@Test
	void waitsOutOpenAisContentDelayRightAfterCompletion() throws Exception {
		SimulatedTask task = simulator.tasks().seed("openai", "sora-2", "just finished", Duration.ZERO);
		VideoProvider openai = new OpenAiProvider(
				ProviderFixtures.client("openai", simulator.baseUrl("openai"), simulator.apiKey()));
		VideoCompleted completed = new VideoCompleted(1, Events.newRequestId(), "openai", "sora-2", task.id(), null,
				null, Instant.now(), Instant.now(), Instant.now(), Map.of());
		// real waits: the simulator's /content answers 400 for its content delay (500 ms)
		VideoTransfer patient = new VideoTransfer(this.fetcher, store, new DownloaderProperties(1,
				Duration.ofSeconds(5), Duration.ofSeconds(5), DataSize.ofGigabytes(1), 5, List.of(),
				new DownloaderProperties.Retry(Duration.ofMillis(100), Duration.ofMillis(400), 20,
						Duration.ofSeconds(60), 5),
				new DownloaderProperties.Presign(false, Duration.ofHours(1)), null), java.time.Clock.systemUTC(),
				(pause) -> {
					this.pauses.add(pause);
					Waits.SLEEP.pause(pause);
				});

		StoredObject stored = patient.store(openai, completed, key(), "video/mp4", Map.of(), new ProviderTime());

		assertThat(stored.sha256()).isEqualTo(sha256(simulator.videoOf(task.id())));
		assertThat(this.pauses).isNotEmpty();
	}

	@Test
	void refusesSomethingThatIsNotAnMp4AndStoresNothing() throws Exception {
		SimulatedTask task = finished("generic", "a broken CDN [sim:not-mp4]");
		String key = key();

		assertThatExceptionOfType(ReelayException.class)
			.isThrownBy(
					() -> transfer().store(generic(), completed(task), key, "video/mp4", Map.of(), new ProviderTime()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INVALID_CONTENT))
			.withMessageContaining("not an MP4");
		assertThat(store.stat(key)).isEmpty();
		assertThat(this.pauses).isEmpty();
	}

	@Test
	void refusesAVideoLargerThanTheMaximumAndAbortsItsUpload() throws Exception {
		SimulatedTask task = finished("generic", "too long");
		String key = key();
		VideoTransfer small = transfer(properties(DataSize.ofBytes(2L * PART + 1), 8));

		assertThatExceptionOfType(ReelayException.class)
			.isThrownBy(() -> small.store(generic(), completed(task), key, "video/mp4", Map.of(), new ProviderTime()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INVALID_CONTENT))
			.withMessageContaining("larger than reelay.downloader.max-size");
		assertThat(store.stat(key)).isEmpty();
		assertThat(store.incompleteUploads(key)).isEmpty();
	}

	@Test
	void refusesAnAnnouncedLengthAboveTheMaximumBeforeReadingTheBody() throws Exception {
		byte[] video = mp4(PART);
		try (TestServer server = new TestServer((exchange, n) -> TestServer.send(exchange, 200, video, 0, 100))) {
			String key = key();

			assertThatExceptionOfType(ReelayException.class)
				.isThrownBy(() -> transfer(properties(DataSize.ofBytes(PART - 1), 8)).store(generic(),
						completedAt(server.url("/big.mp4")), key, "video/mp4", Map.of(), new ProviderTime()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INVALID_CONTENT))
				.withMessageContaining("the video is " + PART + " bytes, larger than");
			assertThat(server.requests()).hasSize(1);
			assertThat(store.incompleteUploads(key)).isEmpty();
		}
	}

	@Test
	void stopsAnEndlessBodyWithoutALengthAtTheMaximumSize() throws Exception {
		byte[] video = mp4(64 * 1024);
		try (TestServer server = new TestServer((exchange, n) -> {
			exchange.sendResponseHeaders(200, 0);
			try {
				for (int i = 0;; i++) {
					exchange.getResponseBody().write(video, 0, (i == 0) ? video.length : video.length - 12);
				}
			}
			catch (IOException closedByTheDownloader) {
				// what an endless body ends with
			}
		})) {
			String key = key();

			assertThatExceptionOfType(ReelayException.class)
				.isThrownBy(() -> transfer(properties(DataSize.ofBytes(3L * PART), 8)).store(generic(),
						completedAt(server.url("/endless.mp4")), key, "video/mp4", Map.of(), new ProviderTime()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.INVALID_CONTENT));
			assertThat(store.stat(key)).isEmpty();
			assertThat(store.incompleteUploads(key)).isEmpty();
		}
	}

	@Test
	void startsOverWhenAResumeAnswersWithBytesFromAnotherOffset() throws Exception {
		byte[] video = mp4(PART + 77);
		try (TestServer server = new TestServer((exchange, n) -> {
			exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
			exchange.getResponseHeaders().set("ETag", "\"same\"");
			if (n == 1) {
				// claims the rest, but from byte 0: appending it would corrupt the video
				exchange.getResponseHeaders()
					.set("Content-Range", "bytes 0-" + (video.length - 1) + "/" + video.length);
				TestServer.send(exchange, 206, video, 0, video.length);
				return;
			}
			TestServer.send(exchange, 200, video, 0, (n == 0) ? 5000 : video.length);
		})) {
			StoredObject stored = transfer().store(generic(), completedAt(server.url("/v.mp4")), key(), "video/mp4",
					Map.of(), new ProviderTime());

			assertThat(stored.sha256()).isEqualTo(sha256(video));
			assertThat(server.requests()).hasSize(3);
		}
	}

	@Test
	void neverStoresABodyShorterThanItsContentLength() throws Exception {
		byte[] video = mp4(PART + 500);
		try (TestServer server = new TestServer((exchange, n) -> TestServer.send(exchange, 200, video, 0, PART / 2))) {
			String key = key();

			assertThatExceptionOfType(ReelayException.class)
				.isThrownBy(() -> transfer(properties(DataSize.ofGigabytes(1), 3)).store(generic(),
						completedAt(server.url("/v.mp4")), key, "video/mp4", Map.of(), new ProviderTime()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.DOWNLOAD_FAILED))
				.withMessageContaining("gave up after 3 attempts");
			assertThat(server.requests()).hasSize(3);
			assertThat(store.stat(key)).isEmpty();
			assertThat(store.incompleteUploads(key)).isEmpty();
		}
	}

	@Test
	void retriesTheNotReadyAnswersRightAfterCompletion() throws Exception {
		byte[] video = mp4(4096);
		try (TestServer server = new TestServer((exchange, n) -> {
			if (n < 3) {
				byte[] error = "{\"error\":{\"code\":\"content_not_ready\"}}".getBytes();
				TestServer.send(exchange, (n == 0) ? 400 : (n == 1) ? 403 : 404, error, 0, error.length);
				return;
			}
			TestServer.send(exchange, 200, video, 0, video.length);
		})) {
			StoredObject stored = transfer().store(generic(), completedAt(server.url("/v.mp4")), key(), "video/mp4",
					Map.of(), new ProviderTime());

			assertThat(stored.sha256()).isEqualTo(sha256(video));
			assertThat(this.pauses).hasSize(3);
			// backoff doubles from the first wait (1s), with jitter
			assertThat(this.pauses.get(2)).isGreaterThan(this.pauses.get(0));
		}
	}

	@Test
	void givesUpOnA400OnceTheProviderHasHadTimeToServeTheVideo() throws Exception {
		byte[] error = "bad request".getBytes();
		try (TestServer server = new TestServer(
				(exchange, n) -> TestServer.send(exchange, 400, error, 0, error.length))) {
			VideoCompleted old = completedAt(server.url("/v.mp4"), Instant.now().minus(Duration.ofMinutes(5)));

			assertThatExceptionOfType(ReelayException.class)
				.isThrownBy(() -> transfer().store(generic(), old, key(), "video/mp4", Map.of(), new ProviderTime()))
				.withMessageContaining("HTTP 400: bad request");
			assertThat(server.requests()).hasSize(1);
		}
	}

	@Test
	void waitsAsLongAsTheServerAsksOnA503() throws Exception {
		byte[] video = mp4(4096);
		try (TestServer server = new TestServer((exchange, n) -> {
			if (n == 0) {
				exchange.getResponseHeaders().set("Retry-After", "7");
				TestServer.send(exchange, 503, new byte[0], 0, 0);
				return;
			}
			TestServer.send(exchange, 200, video, 0, video.length);
		})) {
			transfer().store(generic(), completedAt(server.url("/v.mp4")), key(), "video/mp4", Map.of(),
					new ProviderTime());

			assertThat(this.pauses).containsExactly(Duration.ofSeconds(7));
		}
	}

	@Test
	void abandonsTheDownloadWithoutFailingTheRequestWhenTheDownloaderStops() throws Exception {
		try (TestServer server = new TestServer((exchange, n) -> TestServer.send(exchange, 503, new byte[0], 0, 0))) {
			VideoTransfer stopping = new VideoTransfer(this.fetcher, store, properties(DataSize.ofGigabytes(1), 8),
					java.time.Clock.systemUTC(), (pause) -> {
						// what shutting the download pool down does to a waiting download
						Thread.currentThread().interrupt();
						Waits.SLEEP.pause(pause);
					});

			try {
				assertThatExceptionOfType(DownloadAbandoned.class).isThrownBy(() -> stopping.store(generic(),
						completedAt(server.url("/v.mp4")), key(), "video/mp4", Map.of(), new ProviderTime()));
			}
			finally {
				Thread.interrupted();
			}
			assertThat(server.requests()).hasSize(1);
		}
	}

	@Test
	void retriesABucketItCannotReachAndThenFailsWithStorageFailed() throws Exception {
		SimulatedTask task = finished("generic", "nowhere to put it");
		var s3 = TestInfrastructure.s3();
		try (MinioObjectStore unreachable = new MinioObjectStore(new StorageProperties(
				java.net.URI.create("http://127.0.0.1:1"), "us-east-1", s3.accessKey(), s3.secretKey(),
				"transfer-tests", false, ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofBytes(PART)))) {
			VideoTransfer transfer = new VideoTransfer(this.fetcher, unreachable,
					properties(DataSize.ofGigabytes(1), 3), java.time.Clock.systemUTC(), this.pauses::add);

			assertThatExceptionOfType(ReelayException.class).isThrownBy(
					() -> transfer.store(generic(), completed(task), key(), "video/mp4", Map.of(), new ProviderTime()))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.STORAGE_FAILED))
				.withMessageContaining("gave up after 3 attempts");
			assertThat(this.pauses).hasSize(2);
		}
	}

	@Test
	void asksTheProviderForAFreshUrlWhenTheOneItGaveExpired() throws Exception {
		SimulatedTask task = finished("minimax", "an expired harbour");
		VideoCompleted stale = new VideoCompleted(1, Events.newRequestId(), "minimax", "T2V-01", task.id(),
				new DownloadLocation(simulator.videoUrlOf(task.id()).toString().replaceAll("expires=\\d+", "expires=1"),
						null),
				null, Instant.now(), Instant.now(), Instant.now().minus(Duration.ofMinutes(5)), Map.of());

		long retrievesBefore = retrieves();

		StoredObject stored = transfer().store(minimax(), stale, key(), "video/mp4", Map.of(), new ProviderTime());

		assertThat(stored.sha256()).isEqualTo(sha256(simulator.videoOf(task.id())));
		assertThat(retrieves() - retrievesBefore).isEqualTo(1);
	}

	@Test
	void refreshesAUrlWhoseStatedExpiryHasPassedBeforeEvenTryingIt() throws Exception {
		SimulatedTask task = finished("minimax", "known to be expired");
		VideoCompleted stale = new VideoCompleted(1, Events.newRequestId(), "minimax", "T2V-01", task.id(),
				new DownloadLocation("http://127.0.0.1:1/gone.mp4", Instant.now().minusSeconds(60)), null,
				Instant.now(), Instant.now(), Instant.now(), Map.of());

		StoredObject stored = transfer().store(minimax(), stale, key(), "video/mp4", Map.of(), new ProviderTime());

		assertThat(stored.sha256()).isEqualTo(sha256(simulator.videoOf(task.id())));
	}

	@Test
	void failsWithNotFoundWhenTheProviderHasNoFreshUrlEither() throws Exception {
		SimulatedTask task = finished("generic", "expired for good");
		String forged = simulator.videoUrlOf(task.id()).toString().replaceAll("expires=\\d+", "expires=1");
		VideoCompleted stale = new VideoCompleted(1, Events.newRequestId(), "generic", "m", "video_unknown",
				new DownloadLocation(forged, null), null, Instant.now(), Instant.now(),
				Instant.now().minus(Duration.ofMinutes(5)), Map.of());

		assertThatExceptionOfType(ReelayException.class)
			.isThrownBy(() -> transfer().store(generic(), stale, key(), "video/mp4", Map.of(), new ProviderTime()))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.NOT_FOUND));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static long retrieves() {
		return simulator.received("minimax").stream().filter((r) -> r.path().contains("files/retrieve")).count();
	}

	private VideoTransfer transfer() {
		return transfer(properties(DataSize.ofGigabytes(1), 8));
	}

	private VideoTransfer transfer(DownloaderProperties properties) {
		return new VideoTransfer(this.fetcher, store, properties, java.time.Clock.systemUTC(), this.pauses::add);
	}

	private static DownloaderProperties properties(DataSize maxSize, int maxAttempts) {
		return new DownloaderProperties(2, Duration.ofSeconds(5), Duration.ofSeconds(5), maxSize, 5, List.of(),
				new DownloaderProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(30), maxAttempts,
						Duration.ofSeconds(60), 5),
				new DownloaderProperties.Presign(false, Duration.ofHours(1)), null);
	}

	private static SimulatedTask finished(String provider, String prompt) {
		return simulator.tasks().seed(provider, "T2V-01", prompt, Duration.ZERO);
	}

	private static VideoCompleted completed(SimulatedTask task) {
		return completedAt(simulator.videoUrlOf(task.id()));
	}

	private static VideoCompleted completedAt(java.net.URI url) {
		return completedAt(url, Instant.now());
	}

	private static VideoCompleted completedAt(java.net.URI url, Instant completedAt) {
		return new VideoCompleted(1, Events.newRequestId(), "generic", "m", "task",
				new DownloadLocation(url.toString(), null), null, completedAt, completedAt, completedAt, Map.of());
	}

	private static GenericProvider generic() {
		return new GenericProvider(
				ProviderFixtures.client("generic", simulator.baseUrl("generic"), simulator.apiKey()));
	}

	private static VideoProvider minimax() {
		return new MinimaxProvider(
				ProviderFixtures.client("minimax", simulator.baseUrl("minimax"), simulator.apiKey()));
	}

	private static String key() {
		return "transfers/" + Events.newRequestId() + ".mp4";
	}

	private static byte[] read(String key) throws Exception {
		try (var in = store.open(key)) {
			return in.readAllBytes();
		}
	}

	/** Random bytes behind an MP4's first box header. */
	static byte[] mp4(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		byte[] head = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };
		System.arraycopy(head, 0, bytes, 0, head.length);
		return bytes;
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	static byte[] slice(byte[] bytes, int from) {
		return Arrays.copyOfRange(bytes, from, bytes.length);
	}

}
