package io.reelay.simulator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes on only a slice of what is written: skips the first bytes, then stops the writer
 * with {@link Full} once the slice is complete, so a generator writing a whole video can
 * serve a byte range (or half a file) without building the rest.
 */
final class SliceOutputStream extends OutputStream {

	/** Thrown to stop the writer: the slice is complete. */
	static final class Full extends IOException {

		Full() {
			super("slice complete", null);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}

	}

	private final OutputStream target;

	private long toSkip;

	private long toPass;

	SliceOutputStream(OutputStream target, long skip, long length) {
		this.target = target;
		this.toSkip = skip;
		this.toPass = length;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		int skipped = (int) Math.min(this.toSkip, length);
		this.toSkip -= skipped;
		int passed = (int) Math.min(this.toPass, length - skipped);
		if (passed > 0) {
			this.target.write(bytes, offset + skipped, passed);
			this.toPass -= passed;
		}
		if (this.toPass == 0) {
			throw new Full();
		}
	}

}
