package io.reelay.cli.watch;

import java.io.PrintWriter;
import java.util.List;

import io.reelay.cli.TerminalCheck;

/**
 * A terminal screen redrawn in place with ANSI escapes: over the previous frame line by
 * line rather than cleared first, so that it does not flicker.
 */
final class Screen {

	private static final String ESC = "\u001b[";

	private final PrintWriter out;

	private boolean cleared;

	Screen(PrintWriter out) {
		this.out = out;
	}

	void draw(List<String> lines) {
		int width = TerminalCheck.width();
		StringBuilder frame = new StringBuilder();
		if (!this.cleared) {
			// start from a clean screen once, like watch(1)
			frame.append(ESC).append("2J");
			this.cleared = true;
		}
		frame.append(ESC).append("H");
		for (String line : lines) {
			// a line longer than the terminal would wrap and push the frame down
			frame.append((line.length() >= width) ? line.substring(0, width - 1) : line);
			frame.append(ESC).append("K\n");
		}
		frame.append(ESC).append("J");
		this.out.print(frame);
		this.out.flush();
	}

	void close() {
		this.out.println();
		this.out.flush();
	}

}
