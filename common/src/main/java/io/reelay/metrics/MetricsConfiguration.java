package io.reelay.metrics;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.reelay.event.Stage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reelay's meters in a service, tagged with the service's {@link Stage}, and the Kafka
 * clients' own metrics. Each service exports them on {@code /actuator/prometheus}; see
 * docs/metrics.md.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

	@Bean
	StageMetrics stageMetrics(MeterRegistry registry, Stage stage, Clock clock) {
		return new StageMetrics(registry, stage, clock);
	}

	/** Static: it must post-process the Kafka client factories as they are made. */
	@Bean
	static KafkaClientMeters kafkaClientMeters(ObjectProvider<MeterRegistry> registry) {
		return new KafkaClientMeters(registry);
	}

}
