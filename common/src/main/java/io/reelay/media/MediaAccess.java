package io.reelay.media;

import java.net.URI;

/**
 * Turns a request's media references into what a provider accepts. Adapters choose: a URL
 * the provider fetches itself, or the bytes to send inline. Reelay never fetches an
 * http(s) URL on a requester's behalf.
 */
public interface MediaAccess {

	/**
	 * A URL the provider can fetch: web URLs as they are, files in Reelay's bucket (or
	 * sent inline) through a presigned URL that expires.
	 */
	URI url(MediaReference reference);

	/**
	 * The file itself, for providers that take files inline.
	 * @param maxBytes the provider's size limit
	 * @throws io.reelay.event.ReelayException INVALID_REQUEST for web URLs and files over
	 * the limit
	 */
	MediaReference.Inline inline(MediaReference reference, long maxBytes);

}
