package io.reelay.simulator.mp4;

import java.io.ByteArrayOutputStream;

/**
 * Collects the bit-level H.264 header syntax (fixed-width fields and Exp-Golomb codes)
 * into bytes.
 */
final class BitWriter {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private int pending;

	private int pendingBits;

	BitWriter bit(boolean set) {
		pending = (pending << 1) | (set ? 1 : 0);
		pendingBits++;
		if (pendingBits == 8) {
			bytes.write(pending);
			pending = 0;
			pendingBits = 0;
		}
		return this;
	}

	/** u(n): the low {@code count} bits of {@code value}, most significant first. */
	BitWriter bits(int count, long value) {
		for (int shift = count - 1; shift >= 0; shift--) {
			bit(((value >>> shift) & 1) != 0);
		}
		return this;
	}

	/**
	 * ue(v): codeNum + 1 in binary, preceded by one zero for each bit after its leading
	 * one.
	 */
	BitWriter ue(long codeNum) {
		if (codeNum < 0 || codeNum > 0xFFFF_FFFEL) {
			throw new IllegalArgumentException("ue(v) value out of range: " + codeNum);
		}
		long coded = codeNum + 1;
		int length = 64 - Long.numberOfLeadingZeros(coded);
		bits(length - 1, 0);
		return bits(length, coded);
	}

	/**
	 * se(v): positive values map to odd code numbers, zero and negative values to even
	 * ones.
	 */
	BitWriter se(long value) {
		return ue(value > 0 ? 2 * value - 1 : -2 * value);
	}

	BitWriter alignWithZeros() {
		while (pendingBits != 0) {
			bit(false);
		}
		return this;
	}

	/** rbsp_trailing_bits(): the stop bit, then zeros up to the byte boundary. */
	BitWriter trailingBits() {
		return bit(true).alignWithZeros();
	}

	byte[] toByteArray() {
		if (pendingBits != 0) {
			throw new IllegalStateException("bitstream is not byte aligned");
		}
		return bytes.toByteArray();
	}

}
