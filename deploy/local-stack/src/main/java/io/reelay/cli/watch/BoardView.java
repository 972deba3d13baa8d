package io.reelay.cli.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.reelay.cli.DurationText;
import io.reelay.event.EventType;

/** The board as lines of text: a summary, then a table of the latest requests. */
final class BoardView {

	private static final String[] HEADINGS = { "REQUEST", "PROVIDER", "MODEL", "STAGE", "AGE", "TOOK", "OUTCOME" };

	/** AGE and TOOK line up on the right, the others on the left. */
	private static final boolean[] RIGHT = { false, false, false, false, true, true, false };

	private BoardView() {
	}

	static List<String> render(RequestBoard board, String broker, Instant since, Instant now) {
		List<String> lines = new ArrayList<>();
		lines.add(String.format("Reelay on %s, since %s: %d requested, %d stored, %d failed", broker,
				since.truncatedTo(ChronoUnit.SECONDS), board.count(EventType.REQUESTED), board.count(EventType.STORED),
				board.count(EventType.FAILED)));
		if (board.unreadable() > 0) {
			lines.add(board.unreadable() + " records were not readable events and are left out");
		}
		List<RequestRow> rows = board.latest();
		if (rows.isEmpty()) {
			lines.add("No requests since then.");
			return lines;
		}
		List<String[]> cells = new ArrayList<>();
		cells.add(HEADINGS);
		for (RequestRow row : rows) {
			Duration took = row.took();
			cells.add(new String[] { row.requestId(), row.provider(), row.model(), row.stage(),
					DurationText.of(row.age(now)), (took != null) ? DurationText.of(took) : "", row.outcome() });
		}
		lines.add("");
		lines.addAll(table(cells));
		return lines;
	}

	private static List<String> table(List<String[]> cells) {
		int[] widths = new int[HEADINGS.length];
		for (String[] row : cells) {
			for (int column = 0; column < widths.length; column++) {
				widths[column] = Math.max(widths[column], row[column].length());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String[] row : cells) {
			StringBuilder line = new StringBuilder();
			for (int column = 0; column < widths.length; column++) {
				String padding = " ".repeat(widths[column] - row[column].length());
				line.append((column > 0) ? "  " : "");
				line.append(RIGHT[column] ? padding + row[column] : row[column] + padding);
			}
			lines.add(line.toString().stripTrailing());
		}
		return lines;
	}

}
