package io.reelay.poller;

import io.reelay.kafka.KafkaConfiguration;
import io.reelay.kafka.PipelineTopics;
import io.reelay.kafka.ReelayKafkaProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The poller's own topic, {@value #POLL_DELAY}: a job waiting for its next status check
 * is a record there, due {@link PollerProperties#interval()} after it was written.
 * Pending polls live in Kafka, not in memory, so a poller that dies loses none of them.
 */
@Configuration(proxyBeanMethods = false)
class PollTopics {

	static final String POLL_DELAY = "video.poll-delay";

	@Bean
	KafkaAdmin.NewTopics pollDelayTopics(ReelayKafkaProperties kafka) {
		return new KafkaAdmin.NewTopics(PipelineTopics.topic(POLL_DELAY, kafka),
				PipelineTopics.topic(POLL_DELAY + "-dlt", kafka));
	}

	/**
	 * Manual acknowledgement, so a record that is not due yet can be handed back with a
	 * wait.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> pollDelayContainerFactory(
			ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler,
			ReelayKafkaProperties kafka, PollerProperties poller) {
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = KafkaConfiguration
			.listenerContainerFactory(consumerFactory, errorHandler, kafka);
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
		// a paused consumer notices that its wait is over only when its poll returns:
		// poll
		// often enough that a due check is late by a fraction of the interval at most
		long pollTimeout = Math.max(50, Math.min(1000, poller.interval().toMillis() / 4));
		factory.getContainerProperties().setPollTimeout(pollTimeout);
		return factory;
	}

}
