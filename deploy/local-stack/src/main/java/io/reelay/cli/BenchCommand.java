package io.reelay.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code reelay bench}: measurements of Reelay on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measures Reelay on this machine.",
		subcommands = { BenchPipelineCommand.class, BenchPollingCommand.class, BenchDownloadCommand.class,
				CommandLine.HelpCommand.class })
final class BenchCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

}
