package io.reelay.cli.watch;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;

/**
 * The latest requests and where each one is, built from the pipeline's records; it keeps
 * a bounded number of requests however busy the topics are.
 */
final class RequestBoard {

	private static final Comparator<RequestRow> NEWEST_FIRST = Comparator.comparing(RequestRow::requestedAt)
		.reversed()
		.thenComparing(RequestRow::requestId);

	private final Map<String, RequestRow> rows = new HashMap<>();

	private final Map<EventType, Integer> counts = new EnumMap<>(EventType.class);

	private final int limit;

	private int unreadable;

	RequestBoard(int limit) {
		this.limit = limit;
	}

	void apply(ConsumerRecord<String, byte[]> record) {
		EventType type = typeOf(record.topic());
		PipelineEvent event;
		try {
			event = EventJson.read(record.value(), type.eventClass());
		}
		catch (JacksonException ex) {
			this.unreadable++;
			return;
		}
		if (event == null) {
			this.unreadable++;
			return;
		}
		String id = (event.requestId() != null) ? event.requestId() : record.key();
		if (id == null) {
			this.unreadable++;
			return;
		}
		this.counts.merge(type, 1, Integer::sum);
		this.rows.computeIfAbsent(id, RequestRow::new).apply(event, Instant.ofEpochMilli(record.timestamp()));
		if (this.rows.size() > 2 * this.limit) {
			// a record of a request dropped here comes back as an old row, and goes again
			List<RequestRow> dropped = this.rows.values().stream().sorted(NEWEST_FIRST).skip(this.limit).toList();
			dropped.forEach((row) -> this.rows.remove(row.requestId()));
		}
	}

	/** The latest requests, newest first. */
	List<RequestRow> latest() {
		return this.rows.values().stream().sorted(NEWEST_FIRST).limit(this.limit).toList();
	}

	/** Records of this type read so far. */
	int count(EventType type) {
		return this.counts.getOrDefault(type, 0);
	}

	/** Records that were not JSON events: left out. */
	int unreadable() {
		return this.unreadable;
	}

	private static EventType typeOf(String topic) {
		for (EventType type : EventType.values()) {
			if (type.topic().equals(topic)) {
				return type;
			}
		}
		throw new IllegalArgumentException("not a pipeline topic: " + topic);
	}

}
