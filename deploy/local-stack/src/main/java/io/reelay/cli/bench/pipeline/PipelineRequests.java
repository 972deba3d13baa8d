package io.reelay.cli.bench.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.VideoRequested;
import io.reelay.kafka.CloudEventHeaders;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The bench's requests: text-to-video, one provider after another, each with its own id,
 * published as a backend would (keyed by request id, plain JSON) without waiting for each
 * acknowledgement.
 */
final class PipelineRequests implements AutoCloseable {

	/** One valid text-to-video request per provider API. */
	private static final List<UnaryOperator<VideoRequested.Builder>> PER_PROVIDER = List.of(
			(request) -> request.provider("generic").model("sim-video-1").duration(5).resolution("720p"),
			(request) -> request.provider("minimax").model("T2V-01"),
			(request) -> request.provider("aimlapi").model("video-01"),
			(request) -> request.provider("tchavi").model("seedance-2").duration(5).resolution("480p"),
			(request) -> request.provider("openai")
				.model("veo-3.1-fast-generate-preview")
				.duration(8)
				.resolution("720p")
				.aspectRatio("16:9"));

	private final KafkaProducer<String, byte[]> producer;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	PipelineRequests(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** The id of the {@code number}th request of a phase ({@code warmup}, ...). */
	String idOf(String phase, int number) {
		return prefixOf(phase) + number;
	}

	/** What the ids of a phase's requests start with. */
	String prefixOf(String phase) {
		return "bench-" + this.run + "-" + phase + "-";
	}

	/**
	 * Publishes request {@code number} of a phase; the future completes when
	 * acknowledged.
	 */
	Future<RecordMetadata> publish(String phase, int number) {
		String requestId = idOf(phase, number);
		VideoRequested request = PER_PROVIDER.get(number % PER_PROVIDER.size())
			.apply(VideoRequested.builder()
				.requestId(requestId)
				.prompt("A lighthouse on a cliff as the storm clears, take " + number)
				.metadata(Map.of("source", "reelay bench pipeline"))
				.requestedAt(Instant.now()))
			.build();
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.REQUESTED.topic(), requestId,
				EventJson.write(request));
		CloudEventHeaders.write(record.headers(), UUID.randomUUID().toString(), "/reelay/cli",
				EventType.REQUESTED.cloudEventType(), Instant.now(), requestId);
		return this.producer.send(record);
	}

	static int providers() {
		return PER_PROVIDER.size();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
