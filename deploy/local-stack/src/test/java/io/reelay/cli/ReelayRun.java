package io.reelay.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** The {@code reelay} command run in the test JVM, with what it prints kept. */
public final class ReelayRun {

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	/** Runs {@code reelay} with these arguments; its exit code. */
	public int execute(String... arguments) {
		CommandLine command = new CommandLine(new ReelayCommand());
		command.setOut(new PrintWriter(this.output, true, StandardCharsets.UTF_8));
		command.setErr(new PrintWriter(this.errors, true, StandardCharsets.UTF_8));
		return command.execute(arguments);
	}

	/** What it printed to standard output so far. */
	public String printed() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	/** What it printed to standard error so far. */
	public String errors() {
		return this.errors.toString(StandardCharsets.UTF_8);
	}

}
