package io.reelay.cli.chaos;

import java.util.List;

import io.reelay.event.VideoRequested;

/**
 * Valid requests, one per provider, that a chaos run copies (the CLI's sample requests);
 * one of them names a first frame in the bucket, which the run puts there first.
 *
 * @param perProvider one request for each provider
 * @param frameKey where in the bucket the first frame goes
 * @param frame the PNG
 */
public record RequestTemplates(List<VideoRequested> perProvider, String frameKey, byte[] frame) {

	public RequestTemplates {
		perProvider = List.copyOf(perProvider);
	}

}
