package io.reelay.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaAdmin;

/**
 * The stages' {@link KafkaAdmin}: it creates the topics that are missing, but never adds
 * partitions to Reelay's topics once they are in use. A request's records and its ledger
 * entries are found by partition number; adding partitions sends the request ids to new
 * partitions, away from what the ledgers hold, and a copy of a request would be handled
 * again. When {@code reelay.kafka.partitions} differs from the topics in use, the count
 * in use is kept for every topic, new ones included, so they stay co-partitioned.
 */
public class PipelineAdmin extends KafkaAdmin {

	private static final Logger log = LoggerFactory.getLogger(PipelineAdmin.class);

	private final int partitions;

	public PipelineAdmin(Map<String, Object> config, ReelayKafkaProperties kafka) {
		super(config);
		this.partitions = kafka.partitions();
	}

	@Override
	protected Collection<NewTopic> newTopics() {
		Collection<NewTopic> declared = super.newTopics();
		// topics of their own size (e.g. one partition) are left as they are
		Set<String> shared = declared.stream()
			.filter((topic) -> topic.numPartitions() == this.partitions)
			.map(NewTopic::name)
			.collect(Collectors.toSet());
		Map<String, Integer> inUse = partitionCounts(shared);
		if (inUse.isEmpty()) {
			return declared;
		}
		int count = inUse.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
		if (count == this.partitions) {
			return declared;
		}
		log.warn(
				"reelay.kafka.partitions is {}, but Reelay's topics in use have {} partitions ({}): keeping {}. "
						+ "Adding partitions to topics in use would part requests from their ledger entries; "
						+ "to change the count, drain the pipeline and recreate the topics (docs/deployment.md)",
				this.partitions, count, inUse, count);
		return declared.stream().map((topic) -> shared.contains(topic.name()) ? resized(topic, count) : topic).toList();
	}

	/** The partition count of each of these topics that exists, by name. */
	private Map<String, Integer> partitionCounts(Set<String> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		try (Admin admin = createAdmin()) {
			Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
			List<String> wanted = names.stream().filter(existing::contains).sorted().toList();
			if (wanted.isEmpty()) {
				return Map.of();
			}
			Map<String, TopicDescription> described = admin.describeTopics(wanted)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS);
			Map<String, Integer> counts = new TreeMap<>();
			described.forEach((name, description) -> counts.put(name, description.partitions().size()));
			return counts;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
		catch (Exception ex) {
			// the admin's own attempt to create the topics reports the broker's trouble
			log.debug("could not read the partition counts of the topics in use: {}", ex.toString());
			return Map.of();
		}
	}

	private static NewTopic resized(NewTopic topic, int count) {
		NewTopic copy = new NewTopic(topic.name(), Optional.of(count),
				(topic.replicationFactor() > 0) ? Optional.of(topic.replicationFactor()) : Optional.empty());
		return (topic.configs() != null) ? copy.configs(topic.configs()) : copy;
	}

}
