package io.reelay.downloader;

import java.time.Clock;

import io.reelay.downloader.fetch.FetchSettings;
import io.reelay.downloader.fetch.VideoFetcher;
import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.downloader.transfer.VideoTransfer;
import io.reelay.downloader.transfer.Waits;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.ledger.RequestLedger;
import io.reelay.storage.ObjectStore;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The guarded fetcher, the transfer it feeds, and the downloader's ledger. */
@Configuration(proxyBeanMethods = false)
class DownloaderConfiguration {

	/**
	 * The requests the downloader stored or failed, co-partitioned with
	 * {@code video.completed}.
	 */
	static final String LEDGER = "video.ledger.downloader";

	@Bean(destroyMethod = "close")
	VideoFetcher videoFetcher(DownloaderProperties properties) {
		return new VideoFetcher(
				new FetchSettings(properties.connectTimeout(), properties.readTimeout(), properties.maxRedirects()),
				new DestinationGuard(properties.allowedHosts()));
	}

	@Bean
	VideoTransfer videoTransfer(VideoFetcher videoFetcher, ObjectStore store, DownloaderProperties properties,
			Clock clock) {
		return new VideoTransfer(videoFetcher, store, properties, clock, Waits.SLEEP);
	}

	@Bean
	RequestLedger downloaderLedger(ConsumerFactory<String, byte[]> consumerFactory, ReelayKafkaProperties kafka,
			Clock clock) {
		return new RequestLedger(LEDGER, consumerFactory, kafka.dedupWindow(), clock);
	}

	@Bean
	KafkaAdmin.NewTopics downloaderLedgerTopic(ReelayKafkaProperties kafka) {
		return new KafkaAdmin.NewTopics(RequestLedger.topic(LEDGER, kafka));
	}

}
