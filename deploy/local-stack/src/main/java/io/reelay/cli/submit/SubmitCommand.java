package io.reelay.cli.submit;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.reelay.cli.BrokerOptions;
import io.reelay.cli.BrokerUnreachableException;
import io.reelay.cli.DurationConverter;
import io.reelay.cli.DurationText;
import io.reelay.cli.ExitCodes;
import io.reelay.cli.PipelineFollower;
import io.reelay.cli.RequestPublisher;
import io.reelay.cli.TerminalCheck;
import io.reelay.event.EventJson;
import io.reelay.event.EventType;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoRequested;
import io.reelay.event.VideoStored;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelay submit}: publishes one request to {@code video.requests}, as a backend
 * would, and with {@code --wait} follows it to its stored video or its failure.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Publishes a video request to a running Reelay; with --wait, follows it to its end.",
				"The request comes from the options, or from a JSON file (--file, - for standard input; "
						+ "docs/events.md has its fields) with the options on top. It is checked here first "
						+ "(provider, model, request id, deadline), then published to video.requests keyed by its "
						+ "request id, which is printed. --wait then follows its events (video.submitted, "
						+ "video.completed, video.stored, video.failed, read with read_committed from where the "
						+ "topics ended before publishing) with a status line on a terminal, one line per event "
						+ "otherwise, and prints where the video is stored or why the request failed." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:stored (without --wait: published)", "1:the request failed (video.failed)",
				"2:invalid usage or request", "3:--timeout ran out before the request ended",
				"4:cannot reach the broker, or it has no Reelay topics" },
		footerHeading = "%nExamples:%n",
		footer = { "  ./reelay submit --provider generic --model sim-video-1 \\",
				"      --prompt 'A koi pond at dawn' --wait",
				"  ./reelay submit --provider tchavi --model seedance-2 --prompt Waves \\",
				"      --image frame.png --duration 5 --resolution 480p",
				"  ./reelay submit --file request.json --request-id retry-2 --wait --json \\", "      | jq -r .uri",
				"  echo '{\"provider\":\"generic\",\"model\":\"sim-video-1\",\"prompt\":\"Rain\"}' \\",
				"      | ./reelay submit --file - --bootstrap-servers kafka-1:9092" })
public final class SubmitCommand implements Callable<Integer> {

	@Option(names = "--file", paramLabel = "FILE",
			description = "A JSON request (a VideoRequested), - for standard input; the options replace its fields.")
	String file;

	@Mixin
	RequestFlags flags;

	@Option(names = "--wait", description = "Follow the request until it is stored or fails.")
	boolean wait;

	@Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
			description = "With --wait, how long to wait for the end (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--json",
			description = "Print the request's last event as JSON, and nothing else: video.stored or video.failed "
					+ "with --wait, the request as published without.")
	boolean json;

	@Mixin
	BrokerOptions broker;

	@Spec
	CommandSpec spec;

	/** Where {@code --file -} reads from; a test sets its own. */
	InputStream stdin = System.in;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		VideoRequested request;
		try {
			request = new RequestInput(Clock.systemUTC()).read(this.file, this.stdin, this.flags);
		}
		catch (InvalidRequestException ex) {
			err.println("reelay submit: the request cannot be sent:");
			ex.problems().forEach((problem) -> err.println("  " + problem));
			err.flush();
			return ExitCodes.USAGE;
		}
		try {
			List<String> topics = this.wait ? Arrays.stream(EventType.values()).map(EventType::topic).toList()
					: List.of(EventType.REQUESTED.topic());
			this.broker.requireTopics(topics);
			return this.wait ? publishAndWait(request, out, err) : publish(request, out, err);
		}
		catch (BrokerUnreachableException ex) {
			err.println("reelay submit: " + ex.getMessage());
			err.flush();
			return ExitCodes.BROKER_UNREACHABLE;
		}
		catch (KafkaException ex) {
			// the broker answered the check, then went away or refused a client
			err.println("reelay submit: Kafka: " + ex.getMessage());
			err.flush();
			return ExitCodes.BROKER_UNREACHABLE;
		}
	}

	private int publish(VideoRequested request, PrintWriter out, PrintWriter err) {
		try (RequestPublisher publisher = publisher()) {
			send(publisher, request);
		}
		if (this.json) {
			out.println(new String(EventJson.write(request), StandardCharsets.UTF_8));
		}
		else {
			out.println(request.requestId());
			err.printf("Published to %s on %s. Follow it with ./reelay watch.%n", EventType.REQUESTED.topic(),
					this.broker.bootstrapServers());
		}
		out.flush();
		err.flush();
		return ExitCodes.OK;
	}

	private int publishAndWait(VideoRequested request, PrintWriter out, PrintWriter err) {
		AtomicReference<PipelineEvent> last = new AtomicReference<>();
		AtomicReference<Duration> lastAfter = new AtomicReference<>();
		Instant published;
		// the follower starts at the topics' ends before the request exists, so that no
		// answer is missed however fast it comes
		try (PipelineFollower follower = new PipelineFollower(this.broker.clientProperties());
				RequestPublisher publisher = publisher()) {
			send(publisher, request);
			published = Instant.now();
			if (!this.json) {
				out.printf("Request %s: %s %s, published to %s on %s%n", request.requestId(), request.provider(),
						request.model(), EventType.REQUESTED.topic(), this.broker.bootstrapServers());
				out.flush();
			}
			try (WaitProgress progress = this.json ? WaitProgress.NONE
					: WaitProgress.on(out, TerminalCheck.isTerminal(), request.requestId(), published)) {
				follower.follow(Set.of(request.requestId()), this.timeout, (event) -> {
					Duration elapsed = Duration.between(published, Instant.now());
					progress.on(event, elapsed);
					last.set(event);
					lastAfter.set(elapsed);
				});
			}
		}
		PipelineEvent end = last.get();
		if (end instanceof VideoStored || end instanceof VideoFailed) {
			OutcomeReport.print(out, end, lastAfter.get(), this.json);
			return (end instanceof VideoStored) ? ExitCodes.OK : ExitCodes.FAILED;
		}
		err.printf(
				"reelay submit: %s has not ended after %s (%s). It goes on in Reelay: ./reelay watch shows it, "
						+ "and video.stored or video.failed will carry its end.%n",
				request.requestId(), DurationText.of(this.timeout),
				(end != null) ? "last step: " + end.type().name().toLowerCase(Locale.ROOT) : "not taken up yet");
		err.flush();
		return ExitCodes.TIMED_OUT;
	}

	private void send(RequestPublisher publisher, VideoRequested request) {
		try {
			publisher.publish(request);
		}
		catch (IllegalStateException ex) {
			throw new BrokerUnreachableException(ex.getMessage());
		}
	}

	/**
	 * A producer that gives up within the connect timeout: the broker answered a moment
	 * ago, so a longer silence means it is gone.
	 */
	private RequestPublisher publisher() {
		Map<String, Object> settings = this.broker.clientProperties();
		int timeout = (int) this.broker.connectTimeout().toMillis();
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * timeout);
		try {
			return new RequestPublisher(settings);
		}
		catch (KafkaException ex) {
			throw new BrokerUnreachableException(
					"cannot create a Kafka producer for " + this.broker.bootstrapServers() + ": " + ex.getMessage());
		}
	}

}
