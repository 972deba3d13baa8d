package io.reelay.event;

/**
 * What a video cost, as far as Reelay can tell: reported by the provider where it reports
 * it (AI/ML API and tchavi credits), otherwise computed from the provider's documented
 * price list (OpenAI-compatible price per request).
 *
 * @param credits credits charged, in the provider's own unit
 * @param creditsRefunded credits the provider gave back after a failure
 * @param costUsd price in US dollars, where the provider documents one
 * @param videoSeconds seconds of video billed
 * @param source where the figures come from
 */
public record Usage(Double credits, Double creditsRefunded, Double costUsd, Double videoSeconds, Source source) {

	/** Where usage figures come from. */
	public enum Source {

		/** The provider reported them in its answer. */
		REPORTED,

		/** Reelay computed them from the provider's documented prices. */
		PRICE_LIST

	}

	public static Usage reportedCredits(Double credits) {
		return new Usage(credits, null, null, null, Source.REPORTED);
	}

}
