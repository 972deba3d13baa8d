package io.reelay.simulator.fault;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.reelay.simulator.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Fault rules from a JSON file, the way the local stack switches faults. */
class FaultFileTests {

	@TempDir
	Path directory;

	@Test
	void readsEveryFieldOfARule() {
		List<FaultRule> rules = FaultFile.parse(bytes("{'rules':[{'provider':'minimax','operation':'create',"
				+ "'fault':'rate-limit','times':3,'promptContains':'koi','status':429,'retryAfterSeconds':2},"
				+ "{'operation':'STATUS','fault':'SLOW','delay':'PT2S'},"
				+ "{'provider':'openai','operation':'DOWNLOAD','fault':'SLOW','delay':1500}]}"));

		assertThat(rules).containsExactly(
				new FaultRule("minimax", Operation.CREATE, Fault.RATE_LIMIT, 3, "koi", 429, null, 2),
				FaultRule.on("*", Operation.STATUS, Fault.SLOW).withDelay(Duration.ofSeconds(2)),
				FaultRule.on("openai", Operation.DOWNLOAD, Fault.SLOW).withDelay(Duration.ofMillis(1500)));
	}

	@Test
	void acceptsABareArrayOfRules() {
		assertThat(FaultFile.parse(bytes("[{'operation':'CREATE','fault':'RESET'}]")))
			.containsExactly(FaultRule.on("*", Operation.CREATE, Fault.RESET));
	}

	@Test
	void explainsWhatIsWrongWithABrokenRule() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultFile.parse(bytes("{'rules':[{'operation':'CREATE','fault':'RESET','tims':2}]}")))
			.withMessageContaining("rule 1")
			.withMessageContaining("unknown key 'tims'");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultFile.parse(bytes("[{'operation':'CREATE','fault':'EXPLODE'}]")))
			.withMessageContaining("'fault' must be one of");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultFile.parse(bytes("[{'operation':'CREATE','fault':'TRUNCATE'}]")))
			.withMessageContaining("TRUNCATE does not apply to CREATE");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> FaultFile.parse(bytes("{'rules':{}}")));
	}

	@Test
	void startsWithTheRulesOfTheFaultFileAndFollowsItsChanges() throws Exception {
		Path file = this.directory.resolve("faults.json");
		Files.writeString(file, json("{'rules':[{'provider':'tchavi','operation':'CREATE','fault':'NO_CREDITS'}]}"));
		try (ProviderSimulator simulator = ProviderSimulator.start(SimulatorSettings.forTests().withFaultFile(file))) {
			HttpResponse<byte[]> broke = ProviderCase.TCHAVI.create(simulator, "from the file");

			Files.writeString(file, json(
					"{'rules':[{'provider':'tchavi','operation':'CREATE','fault':'SERVER_ERROR'," + "'status':503}]}"));
			// a later modification time, whatever the file system's clock resolution
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
			HttpResponse<byte[]> unavailable = ProviderCase.TCHAVI.create(simulator, "changed file");

			Files.delete(file);
			HttpResponse<byte[]> accepted = ProviderCase.TCHAVI.create(simulator, "file gone");

			assertThat(broke.statusCode()).isEqualTo(402);
			assertThat(unavailable.statusCode()).isEqualTo(503);
			assertThat(accepted.statusCode()).isEqualTo(202);
		}
	}

	@Test
	void keepsTheLastGoodRulesWhenTheFileBreaks() throws Exception {
		Path file = this.directory.resolve("faults.json");
		Files.writeString(file, json("[{'provider':'generic','operation':'CREATE','fault':'UNAUTHORIZED'}]"));
		try (ProviderSimulator simulator = ProviderSimulator.start(SimulatorSettings.forTests().withFaultFile(file))) {
			Files.writeString(file, "[{\"provider\":");
			Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

			assertThat(ProviderCase.GENERIC.create(simulator, "still broken").statusCode()).isEqualTo(401);
		}
	}

	@Test
	void refusesToStartWithABrokenFaultFile() throws Exception {
		Path file = this.directory.resolve("faults.json");
		Files.writeString(file, "not json");

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> ProviderSimulator.start(SimulatorSettings.forTests().withFaultFile(file)))
			.withMessageContaining("faults.json");
	}

	@Test
	void addsTheRulesOfAFileFromJava() throws Exception {
		Path file = this.directory.resolve("more.json");
		Files.writeString(file, json("[{'operation':'CREATE','fault':'NO_CREDITS','times':1}]"));
		FaultBook faults = new FaultBook();

		faults.load(file);

		assertThat(faults.rules()).containsExactly(FaultRule.on("*", Operation.CREATE, Fault.NO_CREDITS).withTimes(1));
	}

	private static byte[] bytes(String singleQuoted) {
		return json(singleQuoted).getBytes(StandardCharsets.UTF_8);
	}

}
