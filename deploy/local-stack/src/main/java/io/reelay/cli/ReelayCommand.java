package io.reelay.cli;

import io.reelay.cli.submit.SubmitCommand;
import io.reelay.cli.watch.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reelay}: run Reelay on this machine. */
@Command(name = "reelay", mixinStandardHelpOptions = true, version = "reelay 0.1.0",
		description = "Turns video-generation requests on Kafka into stored MP4 files.",
		subcommands = { DemoCommand.class, UpCommand.class, SubmitCommand.class, WatchCommand.class, BenchCommand.class,
				ChaosCommand.class, CommandLine.HelpCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:success",
				"1:a request failed (demo: not every request was stored; bench, chaos: a check failed)",
				"2:invalid usage or input", "3:submit --wait: the request had not ended when --timeout ran out",
				"4:submit, watch: cannot reach the Kafka broker, or it has no Reelay topics" })
public final class ReelayCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new ReelayCommand()).execute(args));
	}

}
