package io.reelay.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.reelay.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineAdminIntegrationTests {

	private final Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
			TestInfrastructure.kafkaBootstrapServers());

	@Test
	void keepsThePartitionCountOfTopicsInUseForThemAndForNewOnes() throws Exception {
		String inUse = "admin-in-use-" + UUID.randomUUID();
		String added = "admin-added-" + UUID.randomUUID();
		String single = "admin-single-" + UUID.randomUUID();
		try (Admin admin = Admin.create(this.config)) {
			admin.createTopics(List.of(new NewTopic(inUse, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);

			declare(6, new NewTopic(inUse, 6, (short) 1), new NewTopic(added, 6, (short) 1),
					new NewTopic(single, 1, (short) 1));

			assertThat(partitions(admin, inUse)).isEqualTo(3);
			assertThat(partitions(admin, added)).isEqualTo(3);
			assertThat(partitions(admin, single)).isEqualTo(1);
		}
	}

	@Test
	void createsNewTopicsWithTheConfiguredCount() throws Exception {
		String fresh = "admin-fresh-" + UUID.randomUUID();
		try (Admin admin = Admin.create(this.config)) {
			declare(4, new NewTopic(fresh, 4, (short) 1));

			assertThat(partitions(admin, fresh)).isEqualTo(4);
		}
	}

	private void declare(int partitions, NewTopic... topics) {
		ReelayKafkaProperties kafka = new ReelayKafkaProperties(TestInfrastructure.kafkaBootstrapServers(), partitions,
				(short) 1, 1, null, null, null, Duration.ofDays(1), false);
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean(KafkaAdmin.NewTopics.class, () -> new KafkaAdmin.NewTopics(topics));
			PipelineAdmin pipelineAdmin = new PipelineAdmin(this.config, kafka);
			context.refresh();
			pipelineAdmin.setApplicationContext(context);
			pipelineAdmin.initialize();
		}
	}

	private static int partitions(Admin admin, String topic) throws Exception {
		return admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.size();
	}

}
