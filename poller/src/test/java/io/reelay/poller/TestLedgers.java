package io.reelay.poller;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import io.reelay.ledger.LedgerEntry;
import io.reelay.ledger.RequestLedger;
import io.reelay.ledger.RequestState;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

import org.springframework.kafka.mock.MockConsumerFactory;

/**
 * A poller ledger over an empty ledger topic of three partitions that exists only in
 * memory, for unit tests of what holds and writes it.
 */
final class TestLedgers {

	static final int PARTITIONS = 3;

	private TestLedgers() {
	}

	/** A ledger whose topic can be read while {@code readable} says so. */
	static RequestLedger ledger(BooleanSupplier readable) {
		return new RequestLedger(PollTopics.LEDGER, new MockConsumerFactory<>(() -> emptyTopic(readable)),
				Duration.ofDays(7), Clock.systemUTC());
	}

	/** A request whose records are on this partition of every co-partitioned topic. */
	static String requestOn(int partition) {
		String requestId = "req-" + UUID.randomUUID();
		while (Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8))) % PARTITIONS != partition) {
			requestId = "req-" + UUID.randomUUID();
		}
		return requestId;
	}

	static LedgerEntry completed(String requestId) {
		return LedgerEntry.finished(requestId, RequestState.COMPLETED, "generic", "video_1", Instant.now());
	}

	private static MockConsumer<String, byte[]> emptyTopic(BooleanSupplier readable) {
		MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
		Node node = new Node(0, "localhost", 9092);
		Map<TopicPartition, Long> offsets = new HashMap<>();
		List<PartitionInfo> partitions = new ArrayList<>();
		for (int i = 0; i < PARTITIONS; i++) {
			partitions.add(new PartitionInfo(PollTopics.LEDGER, i, node, new Node[] { node }, new Node[] { node }));
			offsets.put(new TopicPartition(PollTopics.LEDGER, i), 0L);
		}
		consumer.updatePartitions(PollTopics.LEDGER, partitions);
		consumer.updateBeginningOffsets(offsets);
		consumer.updateEndOffsets(offsets);
		if (!readable.getAsBoolean()) {
			consumer.setOffsetsException(new KafkaException("the broker is away"));
		}
		return consumer;
	}

}
