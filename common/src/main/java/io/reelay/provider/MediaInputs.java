package io.reelay.provider;

import java.util.List;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.media.ImageRules;
import io.reelay.media.MediaAccess;
import io.reelay.media.MediaReference;

/**
 * A request's media references as adapters send them, every refusal naming the request
 * field it is about.
 */
public final class MediaInputs {

	private MediaInputs() {
	}

	/** The reference, or INVALID_REQUEST when it is none of the forms Reelay reads. */
	public static MediaReference parse(String field, String reference) {
		try {
			return MediaReference.parse(reference);
		}
		catch (IllegalArgumentException ex) {
			throw new ProviderException(FailureCode.INVALID_REQUEST, field + ": " + ex.getMessage());
		}
	}

	/** The file's bytes, for providers that take files inline. */
	public static MediaReference.Inline inline(String field, MediaReference reference, MediaAccess media,
			long maxBytes) {
		try {
			return media.inline(reference, maxBytes);
		}
		catch (ProviderException ex) {
			throw ex;
		}
		catch (ReelayException ex) {
			// the bucket's refusals say what is wrong; the field says where
			throw new ProviderException(ex.code(), field + ": " + ex.getMessage(), null, null, ex);
		}
	}

	/**
	 * For providers that take "a URL or a base64 image": web URLs as they are, anything
	 * else as a {@code data:} URL that passed the provider's image rules (bucket objects
	 * are only seen here, after the request checks).
	 */
	public static String webUrlOrDataUrl(String field, String reference, MediaAccess media, ImageRules rules) {
		MediaReference parsed = parse(field, reference);
		if (parsed instanceof MediaReference.Web) {
			return reference;
		}
		MediaReference.Inline inline = inline(field, parsed, media, rules.maxBytes());
		List<String> problems = rules.problems(field, inline);
		if (!problems.isEmpty()) {
			throw new ProviderException(FailureCode.INVALID_REQUEST, String.join("; ", problems));
		}
		return inline.dataUrl();
	}

}
