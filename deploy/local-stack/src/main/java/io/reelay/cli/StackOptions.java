package io.reelay.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command that starts the local stack shares. */
final class StackOptions {

	@Option(names = "--data-dir", defaultValue = ".reelay",
			description = "Where stored videos and logs are kept (default: ${DEFAULT-VALUE}).")
	Path dataDirectory;

	Path logFile() {
		return this.dataDirectory.resolve("logs").resolve("reelay.log");
	}

	/**
	 * Logging starts with the first service: point it at the data directory before that.
	 */
	void routeLogs() {
		System.setProperty("reelay.log.file", logFile().toString());
	}

}
