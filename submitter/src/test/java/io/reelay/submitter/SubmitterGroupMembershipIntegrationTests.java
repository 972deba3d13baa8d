package io.reelay.submitter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.reelay.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With static membership, the submitter's consumers join under names of the instance, and
 * leave the group when the service stops on purpose rather than holding their partitions
 * until the session timeout.
 */
class SubmitterGroupMembershipIntegrationTests {

	/** Far longer than the test waits: a member gone in time left on its own. */
	private static final String SESSION_TIMEOUT_MS = "120000";

	@Test
	void staticMembersAreNamedAfterTheInstanceAndLeaveWhenTheServiceStops() throws Exception {
		String instance = "membership-" + UUID.randomUUID();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
			ConfigurableApplicationContext submitter = new SpringApplicationBuilder(SubmitterApplication.class).run(
					"--reelay.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
					"--reelay.kafka.partitions=3", "--reelay.kafka.instance-id=" + instance,
					"--reelay.kafka.static-membership=true",
					"--reelay.kafka.client.session.timeout.ms=" + SESSION_TIMEOUT_MS,
					"--reelay.storage.endpoint=" + TestInfrastructure.s3().endpoint(),
					"--reelay.storage.access-key=" + TestInfrastructure.s3().accessKey(),
					"--reelay.storage.secret-key=" + TestInfrastructure.s3().secretKey(), "--server.port=0",
					"--spring.main.banner-mode=off");
			try {
				await().atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(instanceNames(admin)).contains(instance + "-submitter-0",
							instance + "-submitter-1", instance + "-submitter-2"));
			}
			finally {
				submitter.close();
			}

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(instanceNames(admin)).noneMatch((name) -> name.startsWith(instance)));
		}
	}

	private static List<String> instanceNames(Admin admin) throws Exception {
		return admin.describeConsumerGroups(List.of(RequestListener.GROUP))
			.describedGroups()
			.get(RequestListener.GROUP)
			.get(10, TimeUnit.SECONDS)
			.members()
			.stream()
			.map(MemberDescription::groupInstanceId)
			.flatMap(Optional::stream)
			.toList();
	}

}
