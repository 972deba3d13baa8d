package io.reelay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/cli.md against the commands as picocli sees them: each command has its section,
 * and the section (or the one on the broker options that submit and watch share) names
 * every option the command has.
 */
class CliDocsTests {

	private static final String BROKER_SECTION = "## Options of `submit` and `watch` for the broker";

	@Test
	void namesEveryOptionOfEveryCommandInItsSection() throws IOException {
		String docs = Files.readString(Path.of("..", "..", "docs", "cli.md")).replace("--[no-]", "--");
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, CommandLine> command : new CommandLine(new ReelayCommand()).getSubcommands()
			.entrySet()) {
			if (command.getKey().equals("help")) {
				continue;
			}
			String section = section(docs, "## `reelay " + command.getKey() + "`");
			assertThat(section).as("the section of reelay %s", command.getKey()).isNotEmpty();
			String broker = section(docs, BROKER_SECTION);
			for (OptionSpec option : options(command.getValue())) {
				if (option.usageHelp() || option.versionHelp()) {
					continue;
				}
				Pattern named = Pattern.compile(Pattern.quote(option.longestName()) + "(?![a-z0-9-])");
				if (!named.matcher(section).find() && !named.matcher(broker).find()) {
					missing.add("reelay " + command.getKey() + " " + option.longestName());
				}
			}
		}
		assertThat(missing).as("options docs/cli.md does not name").isEmpty();
	}

	/** The command's options and those of its subcommands ({@code bench pipeline}...). */
	private static List<OptionSpec> options(CommandLine command) {
		List<OptionSpec> options = new ArrayList<>(command.getCommandSpec().options());
		command.getSubcommands().values().forEach((sub) -> options.addAll(options(sub)));
		return options;
	}

	private static String section(String docs, String heading) {
		int start = docs.indexOf(heading + "\n");
		if (start < 0) {
			return "";
		}
		int end = docs.indexOf("\n## ", start + heading.length());
		return docs.substring(start, (end < 0) ? docs.length() : end);
	}

}
