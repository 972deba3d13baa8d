package io.reelay.cli;

import java.io.Console;
import java.lang.reflect.Method;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;

/**
 * Whether the command runs on a terminal, where it may redraw what it shows, or is piped
 * or redirected, where it writes plain lines a script can read.
 */
public final class TerminalCheck {

	private TerminalCheck() {
	}

	/**
	 * Columns of the terminal, as the progress bar library measures it (through JLine);
	 * 80 when it cannot tell.
	 */
	public static int width() {
		int width = new DelegatingProgressBarConsumer((line) -> {
		}).getMaxRenderedLength();
		return (width > 0) ? width : 80;
	}

	public static boolean isTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		// from JDK 22 there is a console even when the output is redirected: ask it
		try {
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (Boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
