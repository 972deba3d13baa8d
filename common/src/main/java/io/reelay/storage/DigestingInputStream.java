package io.reelay.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts and hashes (SHA-256) the bytes read through it, so a stream is measured in one
 * pass.
 */
final class DigestingInputStream extends FilterInputStream {

	private final MessageDigest sha256;

	private long count;

	DigestingInputStream(InputStream in) {
		super(in);
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.sha256.update((byte) b);
			this.count++;
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			this.sha256.update(buffer, offset, n);
			this.count += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// skipped bytes would be missing from the digest
		long skipped = 0;
		byte[] buffer = new byte[8192];
		while (skipped < n) {
			int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
			if (read < 0) {
				break;
			}
			skipped += read;
		}
		return skipped;
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	long count() {
		return this.count;
	}

	String sha256Hex() {
		return HexFormat.of().formatHex(this.sha256.digest());
	}

}
