package io.reelay.provider.openai;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The video models Reelay knows on OpenAI-compatible Videos APIs, with what each takes
 * and costs. APIYI's Veo 3.1 channel documents a price per request and its own fields;
 * OpenAI's Sora models take OpenAI's fields and document no price Reelay has.
 */
enum OpenAiModel {

	VEO_3_1_FAST("veo-3.1-fast-generate-preview", Dialect.VEO, 0.3, List.of(4, 6, 8), List.of("720p", "1080p", "4k")),

	VEO_3_1("veo-3.1-generate-preview", Dialect.VEO, 1.2, List.of(4, 6, 8), List.of("720p", "1080p", "4k")),

	// OpenAI's API reference: 4, 8 or 12 seconds; 1280x720 (and 1792x1024, "1024p", on
	// the pro model) either way round
	SORA_2("sora-2", Dialect.SORA, null, List.of(4, 8, 12), List.of("720p")),

	SORA_2_PRO("sora-2-pro", Dialect.SORA, null, List.of(4, 8, 12), List.of("720p", "1024p"));

	/**
	 * Which request fields a model's API reads. APIYI's Veo channel reads
	 * {@code duration} and a {@code metadata} object (seed, negative prompt); OpenAI's
	 * own API reads {@code seconds} and {@code size} only and refuses unknown fields.
	 */
	enum Dialect {

		VEO, SORA

	}

	/** Veo needs 8-second clips at these resolutions. */
	static final List<String> EIGHT_SECONDS_ONLY = List.of("1080p", "4k");

	private final String id;

	private final Dialect dialect;

	private final Double usdPerRequest;

	private final List<Integer> durations;

	private final List<String> resolutions;

	OpenAiModel(String id, Dialect dialect, Double usdPerRequest, List<Integer> durations, List<String> resolutions) {
		this.id = id;
		this.dialect = dialect;
		this.usdPerRequest = usdPerRequest;
		this.durations = durations;
		this.resolutions = resolutions;
	}

	static Optional<OpenAiModel> of(String id) {
		return Arrays.stream(values()).filter((model) -> model.id.equals(id)).findFirst();
	}

	static List<String> ids() {
		return Arrays.stream(values()).map(OpenAiModel::id).toList();
	}

	String id() {
		return this.id;
	}

	Dialect dialect() {
		return this.dialect;
	}

	/** The documented price of a finished video; null when Reelay has none. */
	Double usdPerRequest() {
		return this.usdPerRequest;
	}

	List<Integer> durations() {
		return this.durations;
	}

	List<String> resolutions() {
		return this.resolutions;
	}

}
