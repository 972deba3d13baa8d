package io.reelay.cli;

/**
 * The exit codes of the commands that talk to a running Reelay ({@code submit},
 * {@code watch}), so that a script can tell what happened without reading the output.
 */
public final class ExitCodes {

	/** The request was stored (or published, when not waiting); the view was shown. */
	public static final int OK = 0;

	/** The request ended with {@code video.failed}. */
	public static final int FAILED = 1;

	/** Invalid usage or input, found before anything was published. */
	public static final int USAGE = 2;

	/** The request had not ended when {@code --timeout} ran out. */
	public static final int TIMED_OUT = 3;

	/** The broker could not be reached, or it has none of Reelay's topics. */
	public static final int BROKER_UNREACHABLE = 4;

	private ExitCodes() {
	}

}
