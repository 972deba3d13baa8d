package io.reelay.simulator.tchavi;

import tools.jackson.databind.JsonNode;

/**
 * What a tchavi job was asked to make, and what it costs: 260 credits a second at 480p,
 * 580 at 720p, auto duration ({@code -1}) billed as 10 seconds.
 */
record TchaviOrder(int duration, String resolution, String aspectRatio) {

	static final int AUTO = -1;

	/** What a request that leaves everything out asks for (and a seeded job). */
	static final TchaviOrder DEFAULT = new TchaviOrder(5, "480p", "16:9");

	static final int AUTO_BILLED_SECONDS = 10;

	/** A validated request, with the documented defaults for what it leaves out. */
	static TchaviOrder of(JsonNode body) {
		JsonNode duration = body.path("duration");
		JsonNode resolution = body.path("resolution");
		JsonNode aspectRatio = body.path("aspect_ratio");
		return new TchaviOrder(duration.isIntegralNumber() ? duration.asInt() : DEFAULT.duration(),
				resolution.isString() ? resolution.asString() : DEFAULT.resolution(),
				aspectRatio.isString() ? aspectRatio.asString() : DEFAULT.aspectRatio());
	}

	/** The length of the video, an auto duration chosen as 10 seconds. */
	int seconds() {
		return (this.duration == AUTO) ? AUTO_BILLED_SECONDS : this.duration;
	}

	long credits() {
		return (long) seconds() * ("720p".equals(this.resolution) ? 580 : 260);
	}

}
