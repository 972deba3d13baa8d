package io.reelay.provider.tchavi;

import io.reelay.event.Usage;

/**
 * What a tchavi job cost: the credits it reports, or else its documented price, 260
 * credits a second at 480p and 580 at 720p.
 */
final class TchaviUsage {

	static final double CREDITS_PER_SECOND_480P = 260;

	static final double CREDITS_PER_SECOND_720P = 580;

	/** What {@code duration: -1} (auto) is billed as. */
	static final double AUTO_BILLED_SECONDS = 10;

	private TchaviUsage() {
	}

	/**
	 * The reported figures; for a finished job that reports none, the price-list figure
	 * for the seconds it made. A failed job reporting nothing gets nothing: tchavi
	 * refunds what it charged.
	 */
	static Usage of(TchaviJob job, boolean succeeded) {
		TchaviJob.Output output = job.output();
		Double seconds = (output != null) ? output.duration() : null;
		TchaviJob.Billing billing = job.tchavi();
		if (billing != null && (billing.creditsUsed() != null || billing.creditsRefunded() != null)) {
			return new Usage(billing.creditsUsed(), billing.creditsRefunded(), null, seconds, Usage.Source.REPORTED);
		}
		if (!succeeded || seconds == null) {
			return null;
		}
		Double credits = credits(output.resolution(), seconds);
		return (credits != null) ? new Usage(credits, null, null, seconds, Usage.Source.PRICE_LIST) : null;
	}

	/**
	 * The documented price; a resolution tchavi does not document has none.
	 * @param resolution 480p (tchavi's default when absent) or 720p
	 * @param seconds negative for auto
	 */
	static Double credits(String resolution, double seconds) {
		double billed = (seconds < 0) ? AUTO_BILLED_SECONDS : seconds;
		if (resolution == null || resolution.equalsIgnoreCase("480p")) {
			return billed * CREDITS_PER_SECOND_480P;
		}
		if (resolution.equalsIgnoreCase("720p")) {
			return billed * CREDITS_PER_SECOND_720P;
		}
		return null;
	}

}
