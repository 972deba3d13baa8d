package io.reelay.cli.submit;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import io.reelay.cli.DurationText;
import io.reelay.cli.UsageText;
import io.reelay.event.EventJson;
import io.reelay.event.PipelineEvent;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;
import io.reelay.event.VideoFailed;
import io.reelay.event.VideoStored;

/**
 * The end of a request as {@code submit --wait} prints it: where the video is, or why
 * not.
 */
final class OutcomeReport {

	private OutcomeReport() {
	}

	/** The end as text, or with {@code json} as the event itself, on one line. */
	static void print(PrintWriter out, PipelineEvent end, Duration elapsed, boolean json) {
		if (json) {
			out.println(new String(EventJson.write(end), StandardCharsets.UTF_8));
		}
		else if (end instanceof VideoStored stored) {
			stored(out, stored, elapsed);
		}
		else if (end instanceof VideoFailed failed) {
			failed(out, failed, elapsed);
		}
		out.flush();
	}

	private static void stored(PrintWriter out, VideoStored stored, Duration elapsed) {
		out.printf("Stored in %s: %s%n", DurationText.of(elapsed), stored.uri());
		field(out, "bucket", stored.bucket());
		field(out, "key", stored.key());
		field(out, "size", String.format(Locale.ROOT, "%,d bytes (%s)", stored.size(), Sizes.kilobytes(stored.size())));
		field(out, "sha256", stored.sha256());
		if (stored.download() != null && stored.download().url() != null) {
			String until = (stored.download().expiresAt() != null) ? " (until " + stored.download().expiresAt() + ")"
					: "";
			field(out, "url", stored.download().url() + until);
		}
		field(out, "provider", stored.provider() + " " + stored.model() + ", task " + stored.providerTaskId());
		field(out, "cost", cost(stored.usage()));
		out.flush();
	}

	private static void failed(PrintWriter out, VideoFailed failed, Duration elapsed) {
		out.printf("Failed after %s: %s%n", DurationText.of(elapsed), failed.code());
		field(out, "reason", failed.message());
		field(out, "stage", (failed.stage() != null) ? failed.stage().name().toLowerCase(Locale.ROOT) : null);
		if (failed.provider() != null) {
			field(out, "provider", failed.provider() + " " + failed.model()
					+ ((failed.providerTaskId() != null) ? ", task " + failed.providerTaskId() : ""));
		}
		field(out, "answer", providerAnswer(failed.providerError()));
		field(out, "cost", cost(failed.usage()));
		out.flush();
	}

	private static String providerAnswer(ProviderError error) {
		if (error == null) {
			return null;
		}
		StringBuilder answer = new StringBuilder();
		if (error.httpStatus() != null) {
			answer.append("HTTP ").append(error.httpStatus());
		}
		if (error.code() != null) {
			answer.append((answer.length() > 0) ? ", " : "").append("code ").append(error.code());
		}
		if (error.message() != null) {
			answer.append((answer.length() > 0) ? ": " : "").append(error.message());
		}
		return answer.toString();
	}

	/** {@code 1,300 credits, $0.30 (price list)}, from the demo's wording. */
	private static String cost(Usage usage) {
		String text = UsageText.of(usage).strip();
		return text.isEmpty() ? null : text.replaceFirst("^· ", "").replace("  · ", ", ");
	}

	private static void field(PrintWriter out, String name, String value) {
		if (value != null && !value.isBlank()) {
			out.printf("  %-9s %s%n", name, value);
		}
	}

}
