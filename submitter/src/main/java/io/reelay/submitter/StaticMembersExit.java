package io.reelay.submitter;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.reelay.event.Stage;
import io.reelay.kafka.GroupMembership;
import io.reelay.kafka.ReelayKafkaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Takes this instance's static members out of the submitter's group once its listener
 * stopped on purpose: a static member's consumer stays in its group when closed, which
 * would hold its partitions until the session timeout after a scale-in. An instance that
 * dies without stopping stays a member, and gets its partitions back if it returns in
 * time.
 */
class StaticMembersExit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StaticMembersExit.class);

	private final KafkaAdmin kafkaAdmin;

	private final ReelayKafkaProperties kafka;

	private volatile boolean running;

	StaticMembersExit(KafkaAdmin kafkaAdmin, ReelayKafkaProperties kafka) {
		this.kafkaAdmin = kafkaAdmin;
		this.kafka = kafka;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		if (!this.kafka.staticMembership()) {
			return;
		}
		String name = GroupMembership.instanceName(this.kafka, Stage.SUBMITTER, null);
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(RequestListener.GROUP))
				.describedGroups()
				.get(RequestListener.GROUP)
				.get(10, TimeUnit.SECONDS);
			List<MemberToRemove> ours = group.members()
				.stream()
				.map(MemberDescription::groupInstanceId)
				.flatMap(Optional::stream)
				.filter((instance) -> instance.equals(name) || instance.startsWith(name + "-"))
				.map(MemberToRemove::new)
				.toList();
			if (!ours.isEmpty()) {
				admin
					.removeMembersFromConsumerGroup(RequestListener.GROUP,
							new RemoveMembersFromConsumerGroupOptions(ours))
					.all()
					.get(10, TimeUnit.SECONDS);
				log.info("static members {} left group {}", ours, RequestListener.GROUP);
			}
		}
		catch (Exception ex) {
			// the members time out of the group instead
			log.warn("could not leave group {} at once: {}", RequestListener.GROUP, ex.toString());
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the listener containers have stopped. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 1;
	}

}
