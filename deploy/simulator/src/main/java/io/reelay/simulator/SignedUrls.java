package io.reelay.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs video file URLs the way storage services sign temporary links: an expiry in epoch
 * seconds and an HMAC over provider, task and expiry, with a secret of this simulator's
 * own.
 */
final class SignedUrls {

	enum Verdict {

		VALID, EXPIRED, FORGED

	}

	private final byte[] secret = new byte[32];

	SignedUrls() {
		new SecureRandom().nextBytes(this.secret);
	}

	/**
	 * The query string of a signed URL, e.g. {@code expires=1700000000&signature=ab12}.
	 */
	String query(String provider, String taskId, Instant expiresAt) {
		long expires = expiresAt.getEpochSecond();
		return "expires=" + expires + "&signature=" + signature(provider, taskId, expires);
	}

	Verdict check(String provider, String taskId, String expires, String signature, Instant now) {
		if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
			return Verdict.FORGED;
		}
		long expiresAt = Long.parseLong(expires);
		byte[] expected = signature(provider, taskId, expiresAt).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
			return Verdict.FORGED;
		}
		return now.isAfter(Instant.ofEpochSecond(expiresAt)) ? Verdict.EXPIRED : Verdict.VALID;
	}

	private String signature(String provider, String taskId, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			byte[] digest = mac.doFinal((provider + "/" + taskId + "/" + expires).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", unavailable);
		}
	}

}
