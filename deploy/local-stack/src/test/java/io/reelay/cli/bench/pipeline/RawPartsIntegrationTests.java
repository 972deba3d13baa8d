package io.reelay.cli.bench.pipeline;

import java.io.PrintWriter;
import java.io.StringWriter;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.reelay.infra.LocalS3Server;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw parts at a tiny scale, against the shared broker and S3 server. */
class RawPartsIntegrationTests {

	private static final String BUCKET = "bench-parts-tests";

	private ProviderSimulator simulator;

	private MinioClient minio;

	@BeforeEach
	void startSimulator() throws Exception {
		this.simulator = ProviderSimulator.start(SimulatorSettings.forTests());
		LocalS3Server s3 = TestInfrastructure.s3();
		this.minio = MinioClient.builder()
			.endpoint(s3.endpoint().toString())
			.credentials(s3.accessKey(), s3.secretKey())
			.region("us-east-1")
			.build();
	}

	@AfterEach
	void stopSimulator() {
		this.simulator.close();
	}

	@Test
	void measuresEveryPartAndCountsWhatItDid() throws Exception {
		StringWriter progress = new StringWriter();
		long callsBefore = this.simulator.requests().total();

		PartRates rates = RawParts.measure(new RawParts.Settings(300, 200, 40, 4, 64 * 1024, 50),
				TestInfrastructure.kafkaBootstrapServers(), this.simulator, this.minio, BUCKET,
				new PrintWriter(progress));

		assertThat(rates.kafkaRecordsPerSecond()).isPositive();
		assertThat(rates.httpCallsPerSecond()).isPositive();
		assertThat(rates.putsPerSecond()).isPositive();
		assertThat(rates.kafka().count()).isEqualTo(300);
		assertThat(rates.kafka().warmup()).isEqualTo(30);
		assertThat(rates.kafka().bytes()).isEqualTo(RawPartsKafka.VALUE_BYTES);
		assertThat(rates.http().count()).isEqualTo(200);
		assertThat(this.simulator.requests().total() - callsBefore).isEqualTo(200 + 20);
		assertThat(rates.puts().count()).isEqualTo(40);
		assertThat(rates.puts().bytes()).isEqualTo(64 * 1024);
		assertThat(rates.puts().concurrency()).isEqualTo(4);
		assertThat(rates.transactions().perSecond()).isPositive();
		assertThat(rates.transactions().count()).isEqualTo(50);
		assertThat(rates.transactions().warmup()).isEqualTo(5);
		assertThat(this.minio
			.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(RawPartsS3.PREFIX).recursive(true).build()))
			.as("the objects put are deleted")
			.isEmpty();
		assertThat(progress.toString().lines()).hasSize(4)
			.anySatisfy((line) -> assertThat(line).contains("Kafka produce + consume", "records/s"))
			.anySatisfy((line) -> assertThat(line).contains("simulator HTTP", "calls/s"))
			.anySatisfy((line) -> assertThat(line).contains("S3 PUT", "PUTs/s", "65,536 B"))
			.anySatisfy((line) -> assertThat(line).contains("Kafka transactions", "transactions/s"));
	}

	@Test
	void aRecordValueIsAboutTheSizeOfReelaysEvents() {
		assertThat(RawPartsKafka.valueOf(RawPartsKafka.VALUE_BYTES)).hasSize(RawPartsKafka.VALUE_BYTES);
	}

}
