package io.reelay.cli.watch;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.reelay.cli.BrokerOptions;
import io.reelay.cli.BrokerUnreachableException;
import io.reelay.cli.DurationConverter;
import io.reelay.cli.ExitCodes;
import io.reelay.cli.TerminalCheck;
import io.reelay.event.EventType;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelay watch}: the latest requests of a running Reelay and the stage each one
 * reached, read from the pipeline's topics.
 */
@Command(name = "watch", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Shows the latest requests of a running Reelay and the stage each one reached.",
				"Reads video.requests, video.submitted, video.completed, video.stored and video.failed (with "
						+ "read_committed, without a consumer group) from --since ago, and shows the latest "
						+ "--limit requests: id, provider, model, stage, age, how long it took to end, and where "
						+ "its video is stored or why it failed. On a terminal the table is redrawn every second "
						+ "until Ctrl-C; with --once, or when the output is not a terminal, it is printed once, "
						+ "after reading what the topics held when the command started." },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:shown (Ctrl-C included)", "2:invalid usage",
				"4:cannot reach the broker, or it has no Reelay topics" },
		footerHeading = "%nExamples:%n",
		footer = { "  ./reelay watch", "  ./reelay watch --since 2h --limit 50 --once",
				"  ./reelay watch --bootstrap-servers kafka-1:9093 \\",
				"      --client-property security.protocol=SSL" })
public final class WatchCommand implements Callable<Integer> {

	private static final Duration REDRAW = Duration.ofSeconds(1);

	@Option(names = "--since", paramLabel = "DURATION", defaultValue = "15m", converter = DurationConverter.class,
			description = "How far back to read, by record time (default: ${DEFAULT-VALUE}).")
	Duration since;

	@Option(names = "--limit", defaultValue = "20",
			description = "How many of the latest requests to show (default: ${DEFAULT-VALUE}).")
	int limit;

	@Option(names = "--once", description = "Print the table once and exit.")
	boolean once;

	@Mixin
	BrokerOptions broker;

	@Spec
	CommandSpec spec;

	private volatile boolean stopping;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		if (this.limit < 1) {
			err.println("reelay watch: --limit must be at least 1");
			err.flush();
			return ExitCodes.USAGE;
		}
		Instant from = Instant.now().minus(this.since);
		RequestBoard board = new RequestBoard(this.limit);
		try {
			this.broker.requireTopics(Arrays.stream(EventType.values()).map(EventType::topic).toList());
			try (PipelineTail tail = new PipelineTail(this.broker.clientProperties(), from,
					this.broker.connectTimeout())) {
				while (!tail.caughtUp()) {
					tail.poll(Duration.ofMillis(200)).forEach(board::apply);
				}
				if (this.once || !TerminalCheck.isTerminal()) {
					BoardView.render(board, this.broker.bootstrapServers(), from, Instant.now()).forEach(out::println);
					out.flush();
					return ExitCodes.OK;
				}
				live(tail, board, from, out);
			}
		}
		catch (BrokerUnreachableException ex) {
			err.println("reelay watch: " + ex.getMessage());
			err.flush();
			return ExitCodes.BROKER_UNREACHABLE;
		}
		catch (KafkaException ex) {
			// the broker answered the check, then went away or refused a client
			err.println("reelay watch: Kafka: " + ex.getMessage());
			err.flush();
			return ExitCodes.BROKER_UNREACHABLE;
		}
		return ExitCodes.OK;
	}

	/** Redraws the table every second until Ctrl-C, which ends the command with 0. */
	private void live(PipelineTail tail, RequestBoard board, Instant from, PrintWriter out) {
		CountDownLatch closed = new CountDownLatch(1);
		Thread onInterrupt = new Thread(() -> {
			this.stopping = true;
			try {
				closed.await(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// Ctrl-C is how a live view ends, not a failure
			Runtime.getRuntime().halt(ExitCodes.OK);
		}, "reelay-watch-stop");
		Runtime.getRuntime().addShutdownHook(onInterrupt);
		Screen screen = new Screen(out);
		Instant nextDraw = Instant.now();
		try {
			while (!this.stopping) {
				if (!Instant.now().isBefore(nextDraw)) {
					List<String> lines = BoardView.render(board, this.broker.bootstrapServers(), from, Instant.now());
					lines.add("");
					lines.add("Redrawn every second; Ctrl-C to stop.");
					screen.draw(lines);
					nextDraw = Instant.now().plus(REDRAW);
				}
				tail.poll(Duration.ofMillis(100)).forEach(board::apply);
			}
		}
		finally {
			screen.close();
			closed.countDown();
			if (!this.stopping) {
				// ended by a failure, whose exit code must stand
				Runtime.getRuntime().removeShutdownHook(onInterrupt);
			}
		}
	}

}
