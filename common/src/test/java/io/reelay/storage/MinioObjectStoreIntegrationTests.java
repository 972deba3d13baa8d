package io.reelay.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.reelay.infra.LocalS3Server;
import io.reelay.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The object store against a real S3-compatible server, signatures checked. */
class MinioObjectStoreIntegrationTests {

	private static MinioObjectStore store;

	@BeforeAll
	static void createBucket() {
		LocalS3Server s3 = TestInfrastructure.s3();
		store = new MinioObjectStore(new StorageProperties(s3.endpoint(), "us-east-1", s3.accessKey(), s3.secretKey(),
				"store-tests", true, ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofMegabytes(5)));
		store.ensureBucket();
		store.ensureBucket();
	}

	@AfterAll
	static void close() throws Exception {
		store.close();
	}

	@Test
	void storesAKnownLengthBodyWithItsSha256InTheMetadata() throws Exception {
		byte[] content = randomBytes(100_000);
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		StoredObject stored = store.put(key, new ByteArrayInputStream(content), content.length, "video/mp4",
				Map.of("request-id", "r1", "provider", "generic"));
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).isEqualTo(sha256(content));
		assertThat(stored.uri()).isEqualTo("s3://store-tests/" + key);
		StoredObject found = store.find(key).orElseThrow();
		assertThat(found.sha256()).isEqualTo(sha256(content));
		assertThat(found.size()).isEqualTo(content.length);
		assertThat(found.contentType()).isEqualTo("video/mp4");
		assertThat(found.metadata()).containsEntry("request-id", "r1").containsEntry("provider", "generic");
		try (InputStream in = store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void completesAnUploadSentPartByPartAndOnlyThenShowsIt() throws Exception {
		byte[] content = randomBytes(store.partSize() + 1000);
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		ObjectUpload upload = store.startUpload(key, "video/mp4", Map.of("request-id", "r2"));
		upload.sendPart(content, store.partSize()).join();
		upload.sendPart(java.util.Arrays.copyOfRange(content, store.partSize(), content.length), 1000).join();

		assertThat(store.find(key)).isEmpty();
		assertThat(store.incompleteUploads(key)).containsExactly(key);
		StoredObject stored = upload.complete(content.length, sha256(content), Map.of("stored-at", "now"));

		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(store.find(key).orElseThrow().metadata()).containsEntry("sha256", sha256(content))
			.containsEntry("request-id", "r2")
			.containsEntry("stored-at", "now");
		assertThat(store.incompleteUploads(key)).isEmpty();
		try (InputStream in = store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void anAbortedUploadLeavesNoPartsAndNoObject() throws Exception {
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		ObjectUpload upload = store.startUpload(key, "video/mp4", Map.of());
		upload.sendPart(randomBytes(store.partSize()), store.partSize()).join();

		upload.abort();
		upload.abort();

		assertThat(store.incompleteUploads(key)).isEmpty();
		assertThat(store.stat(key)).isEmpty();
	}

	@Test
	void abortsTheUploadsAKilledWriterLeftForAKeyAndOnlyThose() throws Exception {
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		String other = key + ".other";
		store.startUpload(key, "video/mp4", Map.of()).sendPart(randomBytes(100), 100).join();
		store.startUpload(key, "video/mp4", Map.of());
		ObjectUpload kept = store.startUpload(other, "video/mp4", Map.of());

		assertThat(store.abortIncompleteUploads(key)).isEqualTo(2);

		assertThat(store.incompleteUploads(key)).containsExactly(other);
		kept.abort();
	}

	@Test
	void writesASmallObjectWithItsKnownSha256InOneGo() throws Exception {
		byte[] content = randomBytes(5000);
		String key = "videos/" + UUID.randomUUID() + ".mp4";

		store.putComplete(key, content, 4000, "abc123", "video/mp4", Map.of("provider", "generic"));

		StoredObject found = store.find(key).orElseThrow();
		assertThat(found.size()).isEqualTo(4000);
		assertThat(found.metadata()).containsEntry("sha256", "abc123").containsEntry("provider", "generic");
		assertThat(found.contentType()).isEqualTo("video/mp4");
		try (InputStream in = store.open(key)) {
			assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(content, 4000));
		}
	}

	@Test
	void storesABodyOfUnknownLengthInSeveralParts() throws Exception {
		byte[] content = randomBytes(12 * 1024 * 1024 + 17);
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		StoredObject stored = store.put(key, new ByteArrayInputStream(content), -1, "video/mp4", Map.of());
		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(store.find(key).orElseThrow().sha256()).isEqualTo(sha256(content));
		try (InputStream in = store.open(key)) {
			assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(content));
		}
	}

	@Test
	void findsNothingUnderAFreeKey() {
		assertThat(store.find("videos/" + UUID.randomUUID() + ".mp4")).isEmpty();
	}

	@Test
	void refusesABodyShorterThanItsDeclaredLength() {
		String key = "videos/" + UUID.randomUUID() + ".mp4";
		assertThatExceptionOfType(StorageException.class)
			.isThrownBy(() -> store.put(key, new ByteArrayInputStream(new byte[10]), 20, "video/mp4", Map.of()));
		assertThat(store.find(key)).isEmpty();
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
