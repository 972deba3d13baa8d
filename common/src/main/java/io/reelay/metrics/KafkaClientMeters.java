package io.reelay.metrics;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Binds the Kafka clients' own metrics (consumer lag, fetch and produce rates, request
 * latencies) to the registry, for every consumer and producer a stage's factories make,
 * transactional copies included. One scheduler thread looks for new client metrics for
 * all of them, instead of one thread per client.
 */
final class KafkaClientMeters implements BeanPostProcessor, DisposableBean {

	private final ObjectProvider<MeterRegistry> registry;

	private ThreadPoolTaskScheduler scheduler;

	KafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DefaultKafkaConsumerFactory<?, ?> consumers) {
			MeterRegistry meters = this.registry.getIfAvailable();
			if (meters != null) {
				consumers.addListener(new MicrometerConsumerListener<>(meters, scheduler()));
			}
		}
		else if (bean instanceof DefaultKafkaProducerFactory<?, ?> producers) {
			MeterRegistry meters = this.registry.getIfAvailable();
			if (meters != null) {
				producers.addListener(new MicrometerProducerListener<>(meters, scheduler()));
			}
		}
		return bean;
	}

	private synchronized ThreadPoolTaskScheduler scheduler() {
		if (this.scheduler == null) {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(1);
			scheduler.setDaemon(true);
			scheduler.setThreadNamePrefix("reelay-kafka-meters-");
			scheduler.initialize();
			this.scheduler = scheduler;
		}
		return this.scheduler;
	}

	@Override
	public synchronized void destroy() {
		if (this.scheduler != null) {
			this.scheduler.shutdown();
		}
	}

}
