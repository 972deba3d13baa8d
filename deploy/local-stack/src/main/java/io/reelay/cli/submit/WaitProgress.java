package io.reelay.cli.submit;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

import io.reelay.event.PipelineEvent;

/** How {@code submit --wait} shows a request's way through the pipeline. */
interface WaitProgress extends AutoCloseable {

	/** Shows nothing: for {@code --json}, whose output is the terminal event alone. */
	WaitProgress NONE = new WaitProgress() {

		@Override
		public void on(PipelineEvent event, Duration elapsed) {
		}

		@Override
		public void close() {
		}

	};

	/**
	 * A status line redrawn in place on a terminal; one line per event otherwise, so that
	 * a log or a script reads whole lines.
	 */
	static WaitProgress on(PrintWriter out, boolean terminal, String requestId, Instant published) {
		return terminal ? new StatusBarProgress(out, requestId, published) : new LineProgress(out);
	}

	void on(PipelineEvent event, Duration elapsed);

	@Override
	void close();

}
