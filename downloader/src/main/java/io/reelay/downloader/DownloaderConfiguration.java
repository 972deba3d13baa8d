package io.reelay.downloader;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.reelay.downloader.fetch.FetchSettings;
import io.reelay.downloader.fetch.VideoFetcher;
import io.reelay.downloader.guard.DestinationGuard;
import io.reelay.downloader.transfer.VideoTransfer;
import io.reelay.downloader.transfer.Waits;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.storage.ObjectStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The download pool, the guarded fetcher, and the consumer that feeds them. */
@Configuration(proxyBeanMethods = false)
class DownloaderConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DownloaderConfiguration.class);

	/**
	 * With every slot busy the listener waits for one to free up, retries included: the
	 * consumer must not be thrown out of its group meanwhile.
	 */
	private static final Duration MAX_WAIT_FOR_A_SLOT = Duration.ofMinutes(30);

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

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService downloadPool(DownloaderProperties properties, ObjectStore store) {
		warnIfBuffersCrowdTheHeap(properties.maxConcurrent(), store.partSize(), Runtime.getRuntime().maxMemory());
		AtomicInteger count = new AtomicInteger();
		ThreadFactory threads = (task) -> {
			Thread thread = new Thread(task, "reelay-download-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		return Executors.newFixedThreadPool(properties.maxConcurrent(), threads);
	}

	/**
	 * Each download holds two upload parts: too many for the heap and downloads fail with
	 * out-of-memory errors under load only.
	 */
	static boolean warnIfBuffersCrowdTheHeap(int maxConcurrent, int partSize, long maxHeap) {
		long buffers = 2L * partSize * maxConcurrent;
		if (buffers <= maxHeap / 2) {
			return false;
		}
		log.warn(
				"{} downloads at once hold up to {} MB of upload parts (2 x reelay.storage.part-size {} MB each), "
						+ "more than half the {} MB heap: lower reelay.downloader.max-concurrent or "
						+ "reelay.storage.part-size, or give the downloader more memory",
				maxConcurrent, buffers >> 20, partSize >> 20, maxHeap >> 20);
		return true;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> downloadContainerFactory(
			ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler,
			ReelayKafkaProperties kafka, DownloaderProperties properties) {
		Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.maxConcurrent());
		config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) MAX_WAIT_FOR_A_SLOT.toMillis());
		DefaultKafkaConsumerFactory<String, byte[]> downloads = new DefaultKafkaConsumerFactory<>(config,
				consumerFactory.getKeyDeserializer(), consumerFactory.getValueDeserializer());
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = KafkaConfiguration
			.listenerContainerFactory(downloads, errorHandler, kafka);
		// downloads end in any order; offsets are committed up to the first unfinished
		// one
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		factory.getContainerProperties().setAsyncAcks(true);
		return factory;
	}

}
