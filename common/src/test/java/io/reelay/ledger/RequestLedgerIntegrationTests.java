package io.reelay.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.reelay.event.Stage;
import io.reelay.kafka.KafkaConfiguration;
import io.reelay.kafka.ReelayKafkaProperties;
import io.reelay.kafka.TransactionalProducers;
import io.reelay.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger on the test JVM's broker, each test with a topic of its own. */
class RequestLedgerIntegrationTests {

	private static final Instant NOW = Instant.now();

	private final ReelayKafkaProperties kafka = new ReelayKafkaProperties(TestInfrastructure.kafkaBootstrapServers(), 3,
			(short) 1, 1, null, null, null, Duration.ofDays(7), false);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final ConsumerFactory<String, byte[]> consumers = new KafkaConfiguration().consumerFactory(this.kafka);

	private DefaultKafkaProducerFactory<String, Object> producers;

	private KafkaTemplate<String, Object> template;

	private String topic;

	@BeforeEach
	void createTopic() throws Exception {
		this.topic = "ledger-test-" + UUID.randomUUID();
		NewTopic declared = RequestLedger.topic(this.topic, this.kafka);
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrapServers()))) {
			admin.createTopics(List.of(declared)).all().get();
		}
		ProducerFactory<String, Object> base = new KafkaConfiguration().producerFactory(this.kafka);
		this.producers = TransactionalProducers.of(base, this.kafka, Stage.SUBMITTER,
				"ledger-test-" + UUID.randomUUID());
		this.template = new KafkaTemplate<>(this.producers);
	}

	@AfterEach
	void closeProducers() {
		this.producers.destroy();
	}

	@Test
	void loadsTheLatestEntryOfEachRequestOfItsPartitions() {
		RequestLedger writer = ledger();
		writer.load(List.of(0, 1, 2));
		LedgerEntry calling = entry("req-a", RequestState.CALLING, NOW.minusSeconds(60));
		LedgerEntry submitted = calling.moveTo(RequestState.SUBMITTED, "task-1", NOW.minusSeconds(59));
		LedgerEntry other = entry("req-b", RequestState.FAILED, NOW.minusSeconds(30));
		write(writer, calling);
		write(writer, submitted);
		write(writer, other);

		RequestLedger reader = ledger();
		reader.load(List.of(0, 1, 2));

		assertThat(reader.find("req-a")).contains(submitted);
		assertThat(reader.find("req-b")).contains(other);
		assertThat(reader.size()).isEqualTo(2);
	}

	@Test
	void forgetsARemovedRequestAndOneOlderThanTheWindow() {
		RequestLedger writer = ledger();
		writer.load(List.of(0, 1, 2));
		write(writer, entry("req-gone", RequestState.CALLING, NOW.minusSeconds(10)));
		this.template.executeInTransaction((operations) -> operations.send(writer.removalOf("req-gone")));
		write(writer, entry("req-old", RequestState.SUBMITTED, NOW.minus(Duration.ofDays(8))));
		write(writer, entry("req-kept", RequestState.SUBMITTED, NOW.minus(Duration.ofDays(6))));

		RequestLedger reader = ledger();
		reader.load(List.of(0, 1, 2));

		assertThat(reader.find("req-gone")).isEmpty();
		assertThat(reader.find("req-old")).isEmpty();
		assertThat(reader.find("req-kept")).isPresent();
	}

	@Test
	void knowsOnlyThePartitionsItLoaded() {
		RequestLedger writer = ledger();
		writer.load(List.of(0, 1, 2));
		for (int i = 0; i < 12; i++) {
			write(writer, entry("req-" + i, RequestState.SUBMITTED, NOW));
		}

		RequestLedger reader = ledger();
		reader.load(List.of(1));
		int known = reader.size();
		reader.unload(List.of(1));

		assertThat(known).isBetween(1, 11);
		assertThat(reader.size()).isZero();
	}

	@Test
	void waitsForATransactionLeftOpenOnItsPartitionsAndSkipsWhatItAborts() throws Exception {
		RequestLedger writer = ledger();
		writer.load(List.of(0, 1, 2));
		write(writer, entry("req-before", RequestState.SUBMITTED, NOW));
		var producer = this.producers.createProducer();
		producer.beginTransaction();
		producer.send(writer.recordOf(entry("req-open", RequestState.CALLING, NOW))).get();

		RequestLedger reader = ledger();
		CompletableFuture<Void> loading = CompletableFuture.runAsync(() -> reader.load(List.of(0, 1, 2)));
		producer.commitTransaction();
		producer.beginTransaction();
		producer.send(writer.recordOf(entry("req-aborted", RequestState.CALLING, NOW))).get();
		producer.abortTransaction();
		producer.close();
		loading.get();
		RequestLedger later = ledger();
		later.load(List.of(0, 1, 2));

		assertThat(reader.find("req-before")).isPresent();
		assertThat(reader.find("req-open")).isPresent();
		assertThat(later.find("req-aborted")).isEmpty();
	}

	private RequestLedger ledger() {
		return new RequestLedger(this.topic, this.consumers, Duration.ofDays(7), this.clock);
	}

	private void write(RequestLedger ledger, LedgerEntry entry) {
		this.template.executeInTransaction((operations) -> operations.send(ledger.recordOf(entry)));
	}

	private static LedgerEntry entry(String requestId, RequestState state, Instant at) {
		return new LedgerEntry(requestId, state, "generic", "m", null, at, at);
	}

}
