package io.reelay.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.reelay.event.EventJson;
import io.reelay.event.FailureCode;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import io.reelay.kafka.CloudEventHeaders;
import io.reelay.stack.LocalStack;
import io.reelay.stack.TestStacks;
import io.reelay.testing.Events;
import io.reelay.testing.TopicWatcher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reelay submit} and {@code reelay watch} as a person runs them against a running
 * Reelay: one local stack on the test JVM's broker for the whole class.
 */
class SubmitAndWatchIntegrationTests {

	private static final Pattern KEY = Pattern.compile("(?m)^  key\\s+(\\S+)$");

	@TempDir
	static Path data;

	private static LocalStack stack;

	private final ReelayRun reelay = new ReelayRun();

	@BeforeAll
	static void start() throws Exception {
		stack = TestStacks.start(data);
	}

	@AfterAll
	static void stop() {
		stack.close();
	}

	@Test
	void submitWaitsUntilTheVideoIsStoredAndPrintsWhereItIs() {
		String id = Events.newRequestId();

		int exit = submit("--request-id", id, "--provider", "generic", "--model", "sim-video-1", "--prompt",
				"A koi pond at dawn", "--duration", "5", "--wait");

		String printed = this.reelay.printed();
		assertThat(exit).as(printed + this.reelay.errors()).isZero();
		assertThat(printed).contains("Request " + id + ": generic sim-video-1, published to video.requests")
			.containsPattern("(?m)^ +\\d+\\.\\d s  submitted  generic sim-video-1, task \\S+$")
			.containsPattern("(?m)^ +\\d+\\.\\d s  completed  generic finished the video$")
			.contains("Stored in ", "s3://reelay-videos/videos/")
			.containsPattern("(?m)^  sha256\\s+[0-9a-f]{64}$");
		Matcher key = KEY.matcher(printed);
		assertThat(key.find()).as(printed).isTrue();
		assertThat(key.group(1)).endsWith(id + ".mp4");
		assertThat(stack.fileOf(key.group(1))).isRegularFile();
	}

	@Test
	void submitExitsOneAndPrintsTheFailureWhenTheProviderFails() {
		int exit = submit("--provider", "generic", "--model", "sim-video-1", "--prompt", "[sim:fail] a storm at sea",
				"--wait");

		String printed = this.reelay.printed();
		assertThat(exit).as(printed + this.reelay.errors()).isEqualTo(1);
		assertThat(printed).containsPattern("(?m)^Failed after \\d+\\.\\d s: GENERATION_FAILED$")
			.containsPattern("(?m)^  reason\\s+\\S.*$")
			.containsPattern("(?m)^  stage\\s+poller$")
			.containsPattern("(?m)^  provider\\s+generic sim-video-1, task \\S+$");
	}

	@Test
	void submitReadsARequestFromAFileWithTheOptionsOnTopAndPrintsTheStoredEventAsJson() throws IOException {
		Path file = data.resolve("request.json");
		Files.writeString(file, """
				{"requestId": "from-the-file", "provider": "tchavi", "model": "seedance-2",
				 "prompt": "Waves on a rocky shore", "duration": 4, "metadata": {"team": "file"}}
				""");
		String id = Events.newRequestId();

		int exit = submit("--file", file.toString(), "--request-id", id, "--resolution", "480p", "--metadata",
				"run=cli", "--wait", "--json");

		assertThat(exit).as(this.reelay.printed() + this.reelay.errors()).isZero();
		VideoStored stored = EventJson.read(this.reelay.printed().strip(), VideoStored.class);
		assertThat(stored.requestId()).isEqualTo(id);
		assertThat(stored.provider()).isEqualTo("tchavi");
		assertThat(stored.metadata()).containsEntry("team", "file").containsEntry("run", "cli");
		assertThat(stack.fileOf(stored.key())).isRegularFile();
		assertThat(stack.simulator().tasks().callsOf("create", "Waves on a rocky shore")).isEqualTo(1);
	}

	@Test
	void submitWithoutWaitPrintsTheRequestIdAndPublishesItWithCloudEventsHeaders() {
		try (TopicWatcher watcher = new TopicWatcher(stack.bootstrapServers(), "video.requests")) {
			int exit = submit("--provider", "minimax", "--model", "T2V-01", "--prompt", "A paper boat", "--metadata",
					"team=cli");

			assertThat(exit).as(this.reelay.errors()).isZero();
			String id = this.reelay.printed().strip();
			ConsumerRecord<String, byte[]> record = watcher.awaitRecord("video.requests", id);
			VideoRequested request = EventJson.read(record.value(), VideoRequested.class);
			assertThat(request.model()).isEqualTo("T2V-01");
			assertThat(request.metadata()).containsEntry("team", "cli");
			assertThat(CloudEventHeaders.read(record.headers())).containsEntry(CloudEventHeaders.SUBJECT, id)
				.containsEntry(CloudEventHeaders.TYPE, "io.reelay.video.requested")
				.containsEntry(CloudEventHeaders.SOURCE, "/reelay/cli");
		}
	}

	@Test
	void submitRefusesAnInvalidRequestWithExitTwoBeforePublishingIt() {
		int exit = submit("--request-id", ".hidden", "--provider", "minmax", "--prompt", "no model");

		assertThat(exit).isEqualTo(2);
		assertThat(this.reelay.errors()).contains("the request cannot be sent")
			.contains("provider: 'minmax' is unknown, one of [aimlapi, generic, minimax, openai, tchavi]")
			.contains("model: required")
			.contains("requestId: '.hidden' must be");
		assertThat(this.reelay.printed()).isEmpty();
	}

	@Test
	void submitExitsThreeWhenTheRequestHasNotEndedInTime() {
		// the deadline ends the stuck job soon after, rather than leaving it to the
		// next stack on this broker
		int exit = submit("--provider", "generic", "--model", "sim-video-1", "--prompt", "[sim:stuck] a still lake",
				"--deadline", "5s", "--wait", "--timeout", "1s");

		assertThat(exit).as(this.reelay.printed()).isEqualTo(3);
		assertThat(this.reelay.errors()).containsPattern("reelay submit: \\S+ has not ended after 1\\.0 s");
	}

	@Test
	void submitAndWatchExitFourWhenTheBrokerCannotBeReached() throws IOException {
		String nobody = "127.0.0.1:" + freePort();

		int submitted = this.reelay.execute("submit", "--bootstrap-servers", nobody, "--connect-timeout", "2s",
				"--provider", "generic", "--model", "sim-video-1", "--prompt", "unheard");
		ReelayRun watch = new ReelayRun();
		int watched = watch.execute("watch", "--bootstrap-servers", nobody, "--connect-timeout", "2s");

		assertThat(submitted).isEqualTo(4);
		assertThat(this.reelay.errors()).contains("cannot reach the Kafka broker at " + nobody + " within 2.0 s");
		assertThat(watched).isEqualTo(4);
		assertThat(watch.errors()).contains("cannot reach the Kafka broker at " + nobody);
	}

	@Test
	void watchOnceListsTheLatestRequestsWithTheirStageAndOutcome() {
		String stored = Events.newRequestId();
		String failed = Events.newRequestId();
		assertThat(new ReelayRun().execute("submit", "--bootstrap-servers", stack.bootstrapServers(), "--request-id",
				stored, "--provider", "aimlapi", "--model", "video-01", "--prompt", "Fireflies", "--wait"))
			.isZero();
		assertThat(new ReelayRun().execute("submit", "--bootstrap-servers", stack.bootstrapServers(), "--request-id",
				failed, "--provider", "generic", "--model", "sim-video-1", "--prompt", "[sim:policy] smoke", "--wait"))
			.isEqualTo(1);

		int exit = this.reelay.execute("watch", "--bootstrap-servers", stack.bootstrapServers(), "--since", "10m",
				"--limit", "100", "--once");

		String printed = this.reelay.printed();
		assertThat(exit).as(printed + this.reelay.errors()).isZero();
		assertThat(printed).containsPattern("Reelay on \\S+, since \\S+: \\d+ requested, \\d+ stored, \\d+ failed")
			.containsPattern("(?m)^REQUEST +PROVIDER +MODEL +STAGE +AGE +TOOK +OUTCOME$");
		assertThat(lineOf(printed, stored))
			.containsPattern(" aimlapi +video-01 +stored +\\d+\\.\\d s +\\d+\\.\\d s +s3://reelay-videos/videos/\\S+/"
					+ stored + "\\.mp4  \\d+\\.\\d KB$");
		assertThat(lineOf(printed, failed))
			.containsPattern(" generic +sim-video-1 +failed +.* " + FailureCode.CONTENT_POLICY + ": ");
		// newest first
		assertThat(printed.indexOf(failed)).isLessThan(printed.indexOf(stored));
	}

	@Test
	void helpShowsTheExitCodesAndExamples() {
		assertThat(this.reelay.execute("submit", "--help")).isZero();
		assertThat(this.reelay.execute("watch", "--help")).isZero();

		assertThat(this.reelay.printed()).contains("Exit codes:", "3   --timeout ran out", "Examples:",
				"./reelay submit --provider generic", "./reelay watch --since 2h");
	}

	private int submit(String... arguments) {
		String[] all = new String[arguments.length + 3];
		all[0] = "submit";
		all[1] = "--bootstrap-servers";
		all[2] = stack.bootstrapServers();
		System.arraycopy(arguments, 0, all, 3, arguments.length);
		return this.reelay.execute(all);
	}

	private static String lineOf(String printed, String requestId) {
		return printed.lines().filter((line) -> line.startsWith(requestId)).findFirst().orElse("(no line)");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
