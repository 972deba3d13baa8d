package io.reelay.metrics;

import java.util.Locale;
import java.util.Set;

import io.reelay.event.Stage;
import io.reelay.provider.aimlapi.AimlapiProvider;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.minimax.MinimaxProvider;
import io.reelay.provider.openai.OpenAiProvider;
import io.reelay.provider.tchavi.TchaviProvider;

/**
 * The names and tags of Reelay's own meters, as docs/metrics.md lists them (Prometheus
 * names in brackets there). Dashboards, alerts and the deploy files rely on them: rename
 * nothing without them.
 */
public final class ReelayMeters {

	/** Records a stage took up for work [reelay_requests_total]. */
	public static final String REQUESTS = "reelay.requests";

	/** The submitter's create calls by outcome [reelay_submissions_total]. */
	public static final String SUBMISSIONS = "reelay.submissions";

	/** Every HTTP call to a provider [reelay_provider_calls_total]. */
	public static final String PROVIDER_CALLS = "reelay.provider.calls";

	/** How long each HTTP call to a provider took [reelay_provider_latency_seconds]. */
	public static final String PROVIDER_LATENCY = "reelay.provider.latency";

	/** Each {@code video.failed} a stage published [reelay_failures_total]. */
	public static final String FAILURES = "reelay.failures";

	/** Videos stored [reelay_stored_total]. */
	public static final String STORED = "reelay.stored";

	/** Bytes of the videos stored [reelay_stored_bytes_total]. */
	public static final String STORED_BYTES = "reelay.stored.bytes";

	/**
	 * A stage's own time for one record, provider calls excluded
	 * [reelay_stage_latency_seconds].
	 */
	public static final String STAGE_LATENCY = "reelay.stage.latency";

	/** Work a stage holds right now [reelay_jobs_in_flight]. */
	public static final String JOBS_IN_FLIGHT = "reelay.jobs.in.flight";

	/** Provider credits the finished requests cost [reelay_cost_credits_total]. */
	public static final String COST_CREDITS = "reelay.cost.credits";

	/** US dollars the finished requests cost [reelay_cost_usd_total]. */
	public static final String COST_USD = "reelay.cost.usd";

	/** Seconds of video billed [reelay_video_seconds_total]. */
	public static final String VIDEO_SECONDS = "reelay.video.seconds";

	public static final String STAGE = "stage";

	public static final String PROVIDER = "provider";

	public static final String OUTCOME = "outcome";

	public static final String CALL = "call";

	public static final String STATUS = "status";

	public static final String CODE = "code";

	/** The {@code provider} of a record that names none Reelay knows. */
	public static final String UNKNOWN = "unknown";

	/** The {@code status} of a provider call that got no HTTP answer. */
	public static final String IO_ERROR = "io-error";

	private static final Set<String> PROVIDERS = Set.of(GenericProvider.NAME, MinimaxProvider.NAME,
			AimlapiProvider.NAME, TchaviProvider.NAME, OpenAiProvider.NAME);

	private ReelayMeters() {
	}

	/**
	 * The {@code provider} tag of a name taken from an event: anything but a provider
	 * Reelay has an adapter for is {@value #UNKNOWN}, so that a producer sending made-up
	 * names cannot create series without end.
	 */
	public static String provider(String name) {
		return (name != null && PROVIDERS.contains(name)) ? name : UNKNOWN;
	}

	/** The {@code stage} tag: {@code submitter}, {@code poller} or {@code downloader}. */
	public static String stage(Stage stage) {
		return stage.name().toLowerCase(Locale.ROOT);
	}

}
