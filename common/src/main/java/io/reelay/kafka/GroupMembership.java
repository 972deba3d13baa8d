package io.reelay.kafka;

import java.util.Locale;
import java.util.Map;

import io.reelay.event.Stage;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How a stage's consumers join and leave their group. With
 * {@code reelay.kafka.static-membership}, each consumer is a static member named after
 * the instance, the stage and the consumer, so that an instance restarted within the
 * session timeout takes its partitions back without a rebalance.
 */
public final class GroupMembership {

	private GroupMembership() {
	}

	/**
	 * Adds the consumer's static member name to {@code overrides} when static membership
	 * is on.
	 * @param consumer names the consumer within the stage's instance (e.g. a loop
	 * number); {@code null} when the listener container adds a suffix of its own
	 */
	public static void configure(Map<Object, Object> overrides, ReelayKafkaProperties kafka, Stage stage,
			String consumer) {
		if (kafka.staticMembership()) {
			overrides.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceName(kafka, stage, consumer));
		}
	}

	/** E.g. {@code poller-7d9f-poller-0}: the instance, the stage, the consumer. */
	public static String instanceName(ReelayKafkaProperties kafka, Stage stage, String consumer) {
		String name = kafka.instanceId() + "-" + stage.name().toLowerCase(Locale.ROOT);
		return (consumer != null) ? name + "-" + consumer : name;
	}

	/**
	 * Closes a consumer that stops on purpose: it leaves its group even as a static
	 * member, so that its partitions move on at once rather than after the session
	 * timeout (an instance scaled in does not come back).
	 */
	public static void leave(Consumer<?, ?> consumer) {
		consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
	}

}
