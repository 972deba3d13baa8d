package io.reelay.submitter;

import java.time.Clock;
import java.util.List;
import java.util.Properties;

import io.reelay.event.Stage;
import io.reelay.event.VideoFailed;
import io.reelay.kafka.EventPublisher;
import io.reelay.kafka.FailedRecords;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.kafka.WorkTiming;
import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import io.reelay.media.MediaAccess;
import io.reelay.metrics.StageMetrics;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.tracing.ContextScope;
import io.reelay.tracing.RecordTracing;
import io.reelay.tracing.RequestLogging;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * The submitter's Kafka: a transactional listener on {@code video.requests}, its ledger
 * {@value #LEDGER}, and the after-rollback processing that retries a record whose failure
 * may pass and ends the request of one that cannot.
 */
@Configuration(proxyBeanMethods = false)
class SubmitterKafka {

	static final String CONTAINER_FACTORY = "submitterContainerFactory";

	/** Compacted: one record per request id, co-partitioned with video.requests. */
	static final String LEDGER = "video.ledger.submitter";

	@Bean
	SubmitterTransactions submitterTransactions(ProducerFactory<String, Object> producerFactory,
			ReelayKafkaProperties kafka, SubmitterProperties settings, RecordTracing recordTracing) {
		return new SubmitterTransactions(producerFactory, kafka, settings.concurrency(), recordTracing);
	}

	@Bean
	RequestLedger submissionLedger(ConsumerFactory<String, byte[]> consumerFactory, ReelayKafkaProperties kafka,
			Clock clock) {
		return new RequestLedger(LEDGER, consumerFactory, kafka.dedupWindow(), clock);
	}

	@Bean
	KafkaAdmin.NewTopics submitterTopics(ReelayKafkaProperties kafka) {
		return new KafkaAdmin.NewTopics(RequestLedger.topic(LEDGER, kafka));
	}

	@Bean
	SubmissionOutput submissionOutput(SubmitterTransactions transactions, RequestLedger submissionLedger,
			StageMetrics metrics) {
		return new SubmissionOutput(transactions.records(), submissionLedger, metrics);
	}

	@Bean
	Submission submission(ProviderRegistry providers, RequestChecker checks, MediaAccess media,
			RequestLedger submissionLedger, SubmitterTransactions transactions, SubmissionOutput output,
			EventPublisher events, FailedRecords failedRecords, SubmitterProperties settings, StageMetrics metrics,
			Clock clock) {
		return new Submission(providers, checks, media, submissionLedger,
				new CallIntents(transactions.intents(), submissionLedger, clock), new UnknownOutcomes(providers),
				output, events, failedRecords, settings, metrics, clock);
	}

	@Bean
	RequestListener requestListener(Submission submission) {
		return new RequestListener(submission);
	}

	@Bean(CONTAINER_FACTORY)
	ConcurrentKafkaListenerContainerFactory<String, byte[]> submitterContainerFactory(
			ConsumerFactory<String, byte[]> consumerFactory, ReelayKafkaProperties kafka, SubmitterProperties settings,
			SubmitterTransactions transactions, RequestLedger submissionLedger, SubmissionOutput output,
			FailedRecords failedRecords, Clock clock) {
		// no error handler: a failed record's transaction rolls back, then the
		// after-rollback processor retries or ends it
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = KafkaConfiguration
			.listenerContainerFactory(consumerFactory, null, kafka);
		KafkaTransactionManager<String, Object> transactionManager = new KafkaTransactionManager<>(
				transactions.recordFactory());
		// outcomes are remembered once their transaction commits
		transactionManager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_ALWAYS);
		factory.getContainerProperties().setKafkaAwareTransactionManager(transactionManager);
		factory.getContainerProperties().setConsumerRebalanceListener(new LedgerLoading(submissionLedger));
		factory.getContainerProperties().setShutdownTimeout(settings.shutdownTimeout().toMillis());
		// the factory does not hand its own consumer properties on to the containers
		Properties membership = membership(kafka);
		factory.setContainerCustomizer(
				(container) -> container.getContainerProperties().getKafkaConsumerProperties().putAll(membership));
		factory.setConcurrency(settings.concurrency());
		DefaultAfterRollbackProcessor<String, byte[]> afterRollback = new DefaultAfterRollbackProcessor<>(
				(record, ex) -> {
					// outside the record's observation: its trace goes on through its
					// headers (FailedRecords)
					try (ContextScope logging = RequestLogging.forRequest(RequestLogging.requestIdOf(record))) {
						endRequest(record, ex, output, failedRecords, clock);
					}
				}, KafkaConfiguration.backOff(kafka.retry(), -1), transactions.records(), true);
		KafkaConfiguration.retryAsReelayDoes(afterRollback, kafka);
		factory.setAfterRollbackProcessor(afterRollback);
		return factory;
	}

	/**
	 * An instance joining or leaving takes away only the partitions that move; as a
	 * static member, the container numbers each consumer after this name ({@code -0},
	 * {@code -1}, ...).
	 */
	private static Properties membership(ReelayKafkaProperties kafka) {
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
		GroupMembership.configure(consumer, kafka, Stage.SUBMITTER, null);
		return consumer;
	}

	@Bean
	StaticMembersExit staticMembersExit(KafkaAdmin kafkaAdmin, ReelayKafkaProperties kafka) {
		return new StaticMembersExit(kafkaAdmin, kafka);
	}

	/**
	 * After the last retry: the request's {@code video.failed} (and dead letter, for a
	 * fault), with a ledger entry so that a copy of the record changes nothing. Ending it
	 * is a step of its own, started now, that calls no provider.
	 */
	private static void endRequest(ConsumerRecord<?, ?> record, Exception ex, SubmissionOutput output,
			FailedRecords failedRecords, Clock clock) {
		String requestId = (record.key() != null) ? record.key().toString() : null;
		LedgerEntry entry = (requestId != null)
				? new LedgerEntry(requestId, RequestState.FAILED, null, null, null, null, clock.instant()) : null;
		List<ProducerRecord<String, Object>> failure = failedRecords.outcome(record, ex);
		output.tookUp(failure.stream()
			.filter((out) -> out.value() instanceof VideoFailed)
			.map((out) -> ((VideoFailed) out.value()).provider())
			.findFirst()
			.orElse(null));
		output.send(requestId, Outcome.timed(failure, entry, WorkTiming.startedAt(clock.instant())));
	}

}
