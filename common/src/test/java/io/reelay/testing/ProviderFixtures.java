package io.reelay.testing;

import java.net.URI;
import java.time.Duration;

import io.reelay.event.EventJson;
import io.reelay.infra.LocalS3Server;
import io.reelay.media.MediaAccess;
import io.reelay.media.MediaProperties;
import io.reelay.media.StoreMediaAccess;
import io.reelay.provider.ProviderEndpoint;
import io.reelay.provider.http.ProviderHttpClient;
import io.reelay.storage.MinioObjectStore;
import io.reelay.storage.ObjectKeys;
import io.reelay.storage.StorageProperties;

import org.springframework.util.unit.DataSize;

/**
 * What adapter contract tests need: an HTTP client for one provider API at a base URL,
 * and media access through the test JVM's S3-compatible server.
 */
public final class ProviderFixtures {

	public static final String TEST_BUCKET = "reelay-provider-tests";

	private static MinioObjectStore store;

	private ProviderFixtures() {
	}

	/** A client for one provider's API with short timeouts, as an adapter gets it. */
	public static ProviderHttpClient client(String provider, URI baseUrl, String apiKey) {
		return client(provider, baseUrl, apiKey, Duration.ofSeconds(5));
	}

	/** The same, waiting this long for each answer. */
	public static ProviderHttpClient client(String provider, URI baseUrl, String apiKey, Duration requestTimeout) {
		return new ProviderHttpClient(provider, baseUrl,
				new ProviderEndpoint(baseUrl, apiKey, Duration.ofSeconds(2), requestTimeout, Duration.ofMinutes(30)),
				EventJson.mapper());
	}

	/** The bucket adapters' media go through, created on first use. */
	public static synchronized MinioObjectStore store() {
		if (store == null) {
			LocalS3Server s3 = TestInfrastructure.s3();
			store = new MinioObjectStore(new StorageProperties(s3.endpoint(), "us-east-1",
					TestInfrastructure.S3_ACCESS_KEY, TestInfrastructure.S3_SECRET_KEY, TEST_BUCKET, true,
					ObjectKeys.DEFAULT_TEMPLATE, DataSize.ofMegabytes(5)));
			store.ensureBucket();
		}
		return store;
	}

	/** Media access as the submitter has it, with the default settings. */
	public static MediaAccess media() {
		return new StoreMediaAccess(store(),
				new MediaProperties(DataSize.ofKilobytes(512), Duration.ofHours(1), "inputs/"));
	}

}
