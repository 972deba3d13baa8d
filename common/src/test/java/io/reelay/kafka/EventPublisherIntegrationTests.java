package io.reelay.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.Stage;
import io.reelay.event.VideoSubmitted;
import io.reelay.testing.Events;
import io.reelay.testing.TestInfrastructure;
import io.reelay.testing.TopicWatcher;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a consumer in any language sees of an event: key, plain JSON value, CloudEvents
 * headers.
 */
class EventPublisherIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.412Z");

	@BeforeAll
	static void createTopics() throws Exception {
		ReelayKafkaProperties kafka = new ReelayKafkaProperties(TestInfrastructure.kafkaBootstrapServers(), 2,
				(short) 1, 1, null, null, null, java.time.Duration.ofDays(7), false);
		try (AdminClient admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			var existing = admin.listTopics().names().get();
			admin.createTopics(PipelineTopics.all(kafka).stream().filter((t) -> !existing.contains(t.name())).toList())
				.all()
				.get();
		}
	}

	@Test
	void publishesEventsKeyedByRequestIdWithCloudEventsHeaders() {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		KafkaTemplate<String, Object> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
						new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo()));
		EventPublisher publisher = new EventPublisher(template, Stage.SUBMITTER, Clock.fixed(NOW, ZoneOffset.UTC));
		VideoSubmitted event = Events.aSubmittedJob(Events.newRequestId(), "video_1", NOW.plusSeconds(60));

		publisher.publish(event);

		try (TopicWatcher watcher = new TopicWatcher(bootstrap, "video.submitted")) {
			ConsumerRecord<String, byte[]> record = watcher.awaitRecord("video.submitted", event.requestId());
			assertThat(EventJson.read(record.value(), VideoSubmitted.class)).isEqualTo(event);
			assertThat(new String(record.value(), StandardCharsets.UTF_8)).startsWith("{\"schemaVersion\":1,");
			assertThat(record.headers().lastHeader("__TypeId__")).isNull();
			Map<String, String> attributes = CloudEventHeaders.read(record.headers());
			assertThat(attributes).containsEntry("ce_specversion", "1.0")
				.containsEntry("ce_type", "io.reelay.video.submitted")
				.containsEntry("ce_source", "/reelay/submitter")
				.containsEntry("ce_subject", event.requestId())
				.containsEntry("ce_time", "2026-11-21T10:00:00.412Z")
				.containsEntry("content-type", "application/json")
				.containsKey("ce_id");
			assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
		}
		template.destroy();
	}

	@Test
	void givesTheSameEventPublishedTwiceTheSameCloudEventsIdSoConsumersCanDropTheCopy() {
		String bootstrap = TestInfrastructure.kafkaBootstrapServers();
		KafkaTemplate<String, Object> template = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
						new StringSerializer(), new JacksonJsonSerializer<>(EventJson.mapper()).noTypeInfo()));
		EventPublisher publisher = new EventPublisher(template, Stage.POLLER, Clock.systemUTC());
		VideoSubmitted event = Events.aSubmittedJob(Events.newRequestId(), "video_2", NOW);

		publisher.publish(event);
		publisher.publish(event);

		try (TopicWatcher watcher = new TopicWatcher(bootstrap, "video.submitted")) {
			var records = watcher.awaitRecords("video.submitted", (r) -> event.requestId().equals(r.key()), 2);
			assertThat(records).extracting((r) -> CloudEventHeaders.read(r.headers()).get("ce_id"))
				.containsOnly(CloudEventHeaders.read(records.get(0).headers()).get("ce_id"));
		}
		template.destroy();
	}

}
