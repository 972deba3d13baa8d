package io.reelay.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.reelay.event.EventJson;
import io.reelay.event.ReelayException;
import io.reelay.event.Stage;
import io.reelay.tracing.RecordTracing;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.FailedRecordProcessor;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka as every stage uses it: JSON events keyed by request id, idempotent producers,
 * {@code read_committed} consumers that start from the earliest record of a new group,
 * the declared topics, and the failure handling that ends every request it gives up on.
 * Each service provides the {@link Stage} bean that names it.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
@EnableConfigurationProperties(ReelayKafkaProperties.class)
public class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	/**
	 * Millisecond precision: event times stay readable by every consumer's date parser.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

	@Bean
	public ProducerFactory<String, Object> producerFactory(ReelayKafkaProperties kafka) {
		Map<String, Object> config = common(kafka);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putAll(kafka.client());
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		// raw bytes are records re-published as they came (dead letters); everything else
		// is an event
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(Object.class, new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo());
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
				new DelegatingByTypeSerializer(byType, true));
	}

	/**
	 * Trace context from each consumed record to what the stage publishes for it; no-op
	 * where the service has no tracer (docs/tracing.md).
	 */
	@Bean
	RecordTracing recordTracing(ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator) {
		return new RecordTracing(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				tracer.getIfUnique(() -> Tracer.NOOP), propagator.getIfUnique(() -> Propagator.NOOP));
	}

	@Bean
	KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory,
			RecordTracing recordTracing) {
		return recordTracing.template(producerFactory);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, Object> kafkaTemplate, Stage stage, Clock clock,
			RecordTracing recordTracing) {
		return new EventPublisher(kafkaTemplate, stage, clock, recordTracing);
	}

	@Bean
	public ConsumerFactory<String, byte[]> consumerFactory(ReelayKafkaProperties kafka) {
		Map<String, Object> config = common(kafka);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.putAll(kafka.client());
		// values stay bytes until the listener converts them: a bad record fails in the
		// listener,
		// where the error handler can dead-letter it, instead of in the poll loop
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * Ends a request whose record a stage gave up on, dead-lettering the record unless it
	 * failed for a known reason: for the error handler, and for a stage that consumes
	 * without a listener container.
	 */
	@Bean
	FailedRecords failedRecordRecoverer(Stage stage, EventPublisher events, Clock clock) {
		return new FailedRecords(stage, events, clock);
	}

	@Bean
	DefaultErrorHandler errorHandler(ConsumerRecordRecoverer failedRecordRecoverer, ReelayKafkaProperties kafka) {
		DefaultErrorHandler handler = new DefaultErrorHandler(failedRecordRecoverer, backOff(kafka.retry(), -1));
		retryAsReelayDoes(handler, kafka);
		return handler;
	}

	/**
	 * How every stage retries a record: a known failure as its code says (and as long as
	 * the other side asked), a fault in Reelay itself twice more in case it was passing,
	 * an unusable record never. For an error handler, or the after-rollback processor of
	 * a transactional listener.
	 */
	public static void retryAsReelayDoes(FailedRecordProcessor handler, ReelayKafkaProperties kafka) {
		handler.addNotRetryableExceptions(UnusableRecordException.class);
		handler.setResetStateOnExceptionChange(true);
		handler.setBackOffFunction((record, ex) -> {
			ReelayException known = FailedRecords.find(ex, ReelayException.class);
			if (known == null) {
				return new FixedBackOff(1000, 2);
			}
			if (!known.retryable()) {
				return new FixedBackOff(0, 0);
			}
			long asked = (known.retryAfter() != null) ? known.retryAfter().toMillis() : -1;
			return backOff(kafka.retry(), asked);
		});
		// an operator should see that a provider is busy or down, not only a late success
		handler.setRetryListeners((record, ex, attempt) -> {
			ReelayException known = FailedRecords.find(ex, ReelayException.class);
			if (known != null && known.retryable()) {
				log.info("request {} on {}: attempt {} failed ({}), trying again: {}", record.key(), record.topic(),
						attempt, known.code(), known.getMessage());
			}
		});
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
			ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler,
			ReelayKafkaProperties kafka) {
		return listenerContainerFactory(consumerFactory, errorHandler, kafka);
	}

	/**
	 * A container factory like the default one, for a stage that needs another ack mode
	 * or poll timeout for one of its listeners.
	 */
	public static ConcurrentKafkaListenerContainerFactory<String, byte[]> listenerContainerFactory(
			ConsumerFactory<String, byte[]> consumerFactory, DefaultErrorHandler errorHandler,
			ReelayKafkaProperties kafka) {
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(consumerFactory);
		factory.setConcurrency(kafka.concurrency());
		factory.setRecordMessageConverter(new ByteArrayJacksonJsonMessageConverter(EventJson.mapper()));
		factory.setCommonErrorHandler(errorHandler);
		// each record's span continues the trace in its traceparent header
		factory.getContainerProperties().setObservationEnabled(true);
		return factory;
	}

	@Bean
	KafkaAdmin kafkaAdmin(ReelayKafkaProperties kafka) {
		Map<String, Object> config = common(kafka);
		config.putAll(kafka.client());
		KafkaAdmin admin = new PipelineAdmin(config, kafka);
		// without its topics a stage cannot work: better to fail at start-up than to limp
		admin.setFatalIfBrokerNotAvailable(true);
		return admin;
	}

	@Bean
	KafkaAdmin.NewTopics pipelineTopics(ReelayKafkaProperties kafka) {
		return new KafkaAdmin.NewTopics(
				PipelineTopics.all(kafka).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
	}

	private static Map<String, Object> common(ReelayKafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		return config;
	}

	/**
	 * Exponential with jitter; a provider's own Retry-After sets the first wait when it
	 * gave one, up to the longest wait: the consumer does not poll while it waits, and
	 * must not stay away long enough to be thrown out of its group.
	 */
	public static BackOff backOff(ReelayKafkaProperties.Retry retry, long askedMillis) {
		long longest = retry.maxInterval().toMillis();
		long initial = Math.min(Math.max(retry.initialInterval().toMillis(), askedMillis), longest);
		ExponentialBackOff backOff = new ExponentialBackOff(initial, 2.0);
		backOff.setMaxInterval(Math.max(initial, longest));
		backOff.setJitter(initial / 4);
		backOff.setMaxAttempts(retry.maxRetries());
		return backOff;
	}

}
