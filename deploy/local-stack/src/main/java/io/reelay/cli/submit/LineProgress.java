package io.reelay.cli.submit;

import java.io.PrintWriter;
import java.time.Duration;

import io.reelay.cli.DurationText;
import io.reelay.event.PipelineEvent;

/** One line per event, e.g. {@code   0.4 s  submitted  generic sim-video-1, task ...}. */
final class LineProgress implements WaitProgress {

	private final PrintWriter out;

	LineProgress(PrintWriter out) {
		this.out = out;
	}

	@Override
	public void on(PipelineEvent event, Duration elapsed) {
		this.out.printf("  %8s  %-9s  %s%n", DurationText.of(elapsed), StageText.stage(event), StageText.detail(event));
		this.out.flush();
	}

	@Override
	public void close() {
	}

}
