package io.reelay.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;
import io.reelay.storage.ObjectFacts;
import io.reelay.storage.ObjectStore;
import io.reelay.storage.StorageException;

/** {@link MediaAccess} through Reelay's bucket: presigned URLs and bounded reads. */
public final class StoreMediaAccess implements MediaAccess {

	private final ObjectStore store;

	private final MediaProperties properties;

	public StoreMediaAccess(ObjectStore store, MediaProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Override
	public URI url(MediaReference reference) {
		if (reference instanceof MediaReference.Web web) {
			return web.uri();
		}
		if (reference instanceof MediaReference.InBucket object) {
			return this.store.presignedGet(keyInOwnBucket(object), this.properties.presignValidity());
		}
		MediaReference.Inline inline = (MediaReference.Inline) reference;
		// content-addressed, so a retried submission reuses the same object
		String key = this.properties.inputPrefix() + sha256(inline.bytes()) + extensionOf(inline.mediaType());
		if (this.store.stat(key).isEmpty()) {
			this.store.put(key, new ByteArrayInputStream(inline.bytes()), inline.bytes().length, inline.mediaType(),
					Map.of());
		}
		return this.store.presignedGet(key, this.properties.presignValidity());
	}

	@Override
	public MediaReference.Inline inline(MediaReference reference, long maxBytes) {
		if (reference instanceof MediaReference.Inline inline) {
			if (inline.bytes().length > maxBytes) {
				throw tooLarge(reference, inline.bytes().length, maxBytes);
			}
			return inline;
		}
		if (reference instanceof MediaReference.Web) {
			throw new ReelayException(FailureCode.INVALID_REQUEST, reference.describe()
					+ " is a web URL, and this provider takes the file itself: send it as a data: URL or put it in "
					+ "Reelay's bucket and send its s3:// URI (Reelay does not fetch URLs on a requester's behalf)");
		}
		MediaReference.InBucket object = (MediaReference.InBucket) reference;
		String key = keyInOwnBucket(object);
		ObjectFacts facts = this.store.stat(key)
			.orElseThrow(() -> new ReelayException(FailureCode.INVALID_REQUEST, object.describe() + " does not exist"));
		if (facts.size() > maxBytes) {
			throw tooLarge(reference, facts.size(), maxBytes);
		}
		try (InputStream in = this.store.open(key)) {
			byte[] bytes = in.readNBytes((int) maxBytes + 1);
			if (bytes.length > maxBytes) {
				throw tooLarge(reference, bytes.length, maxBytes);
			}
			return new MediaReference.Inline(mediaTypeOf(facts, bytes), bytes);
		}
		catch (IOException ex) {
			throw new StorageException("could not read " + object.describe() + ": " + ex.getMessage(), ex);
		}
	}

	private String keyInOwnBucket(MediaReference.InBucket object) {
		if (!object.bucket().equals(this.store.bucket())) {
			throw new ReelayException(FailureCode.INVALID_REQUEST, object.describe() + " is not in Reelay's bucket '"
					+ this.store.bucket() + "', the only one Reelay reads");
		}
		return object.key();
	}

	private static String mediaTypeOf(ObjectFacts facts, byte[] bytes) {
		String declared = facts.contentType();
		if (declared != null && !declared.isBlank() && !declared.equals("application/octet-stream")) {
			return declared.toLowerCase(Locale.ROOT);
		}
		return ImageFacts.of(bytes).map((image) -> "image/" + image.format()).orElse("application/octet-stream");
	}

	private static ReelayException tooLarge(MediaReference reference, long size, long maxBytes) {
		return new ReelayException(FailureCode.INVALID_REQUEST,
				reference.describe() + " is " + size + " bytes, more than the provider's limit of " + maxBytes);
	}

	private static String extensionOf(String mediaType) {
		return switch (mediaType) {
			case "image/png" -> ".png";
			case "image/jpeg", "image/jpg" -> ".jpg";
			case "image/webp" -> ".webp";
			case "video/mp4" -> ".mp4";
			case "audio/mpeg" -> ".mp3";
			case "audio/wav", "audio/x-wav" -> ".wav";
			default -> "";
		};
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

}
