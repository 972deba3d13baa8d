package io.reelay.cli.submit;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

import io.reelay.cli.TerminalCheck;
import io.reelay.event.PipelineEvent;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoSubmitted;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A status line redrawn in place: a bar of the three steps after publishing (submitted,
 * completed, stored), the time since publishing, ticking, and the stage reached with the
 * provider's task id.
 */
final class StatusBarProgress implements WaitProgress {

	private static final int STEPS = 3;

	private final PrintWriter out;

	private final ProgressBar bar;

	private String taskId = "";

	/**
	 * @param published when the request was published: the bar's clock starts there, not
	 * when the terminal was measured
	 */
	StatusBarProgress(PrintWriter out, String requestId, Instant published) {
		this.out = out;
		// one column less than the terminal keeps the line from wrapping
		int width = TerminalCheck.width() - 1;
		this.bar = ProgressBar.builder()
			.setTaskName(shortened(requestId))
			.setInitialMax(STEPS)
			.setStyle(ProgressBarStyle.UNICODE_BLOCK)
			.setUpdateIntervalMillis(200)
			.continuousUpdate()
			.hideEta()
			.startsFrom(0, Duration.between(published, Instant.now()))
			.setConsumer(new DelegatingProgressBarConsumer((line) -> draw(line, width), width))
			.build();
		this.bar.setExtraMessage("published");
	}

	/** The id as the line above shows it in full: a long one would squeeze the bar. */
	private static String shortened(String requestId) {
		return (requestId.length() <= 20) ? requestId : requestId.substring(0, 8) + "…";
	}

	private void draw(String line, int width) {
		this.out.print('\r' + ((line.length() > width) ? line.substring(0, width) : line));
		this.out.flush();
	}

	@Override
	public void on(PipelineEvent event, Duration elapsed) {
		if (event instanceof VideoSubmitted submitted) {
			this.taskId = ", task " + submitted.providerTaskId();
		}
		int step = StageText.step(event);
		if (step >= 0) {
			this.bar.stepTo(step);
			this.bar.setExtraMessage(StageText.stage(event) + this.taskId);
		}
		else {
			this.bar.setExtraMessage("failed: " + ((VideoFailed) event).code());
		}
		this.bar.refresh();
	}

	@Override
	public void close() {
		this.bar.close();
		this.out.println();
		this.out.flush();
	}

}
