package io.reelay.submitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaProperties;
import io.reelay.media.MediaReference;
import io.reelay.storage.ObjectStore;

import org.springframework.stereotype.Component;

/**
 * What every media reference in a request needs whatever its provider: a form Reelay can
 * read, a data URL small enough to travel through Kafka, and an {@code s3://} object that
 * exists in Reelay's own bucket. Which forms a provider takes is the provider's check.
 */
@Component
class MediaChecks {

	private final ObjectStore store;

	private final MediaProperties properties;

	MediaChecks(ObjectStore store, MediaProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	List<String> problems(VideoRequested request) {
		List<String> problems = new ArrayList<>();
		check(problems, "image", request.image(), "image/");
		check(problems, "lastFrameImage", request.lastFrameImage(), "image/");
		checkAll(problems, "referenceImages", request.referenceImages(), "image/");
		checkAll(problems, "referenceVideos", request.referenceVideos(), "video/");
		checkAll(problems, "referenceAudios", request.referenceAudios(), "audio/");
		return problems;
	}

	private void checkAll(List<String> problems, String field, List<String> references, String expectedType) {
		for (int i = 0; i < references.size(); i++) {
			check(problems, field + "[" + i + "]", references.get(i), expectedType);
		}
	}

	private void check(List<String> problems, String field, String text, String expectedType) {
		if (text == null) {
			return;
		}
		long maxInline = this.properties.maxInlineSize().toBytes();
		if (text.regionMatches(true, 0, "data:", 0, 5) && text.length() > maxInline) {
			problems.add(field + ": a data: URL of " + kib(text.length()) + " KiB, more than the " + kib(maxInline)
					+ " KiB a request may carry inline (records must stay well under Kafka's message limit); put "
					+ "the file in the bucket '" + this.store.bucket() + "' and send its s3:// URI instead");
			return;
		}
		MediaReference reference;
		try {
			reference = MediaReference.parse(text);
		}
		catch (IllegalArgumentException ex) {
			problems.add(field + ": " + ex.getMessage());
			return;
		}
		if (reference instanceof MediaReference.Inline inline
				&& !inline.mediaType().toLowerCase(Locale.ROOT).startsWith(expectedType)) {
			problems.add(field + ": a data: URL of type " + inline.mediaType() + ", expected " + expectedType + "*");
		}
		if (reference instanceof MediaReference.InBucket object) {
			if (!object.bucket().equals(this.store.bucket())) {
				problems.add(field + ": " + object.describe() + " is not in Reelay's bucket '" + this.store.bucket()
						+ "', the only bucket Reelay reads");
			}
			else if (this.store.stat(object.key()).isEmpty()) {
				problems.add(field + ": " + object.describe() + " does not exist");
			}
		}
	}

	private static long kib(long bytes) {
		return (bytes + 1023) / 1024;
	}

}
