package io.reelay.simulator.mp4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Builds ISO BMFF boxes in memory, big-endian, filling in each box size once its content
 * is known. Only for the small header boxes; media data is streamed separately.
 */
final class BoxWriter {

	private byte[] buffer = new byte[512];

	private int length;

	BoxWriter box(String type, Consumer<BoxWriter> content) {
		int start = length;
		u32(0);
		fourCc(type);
		content.accept(this);
		int size = length - start;
		buffer[start] = (byte) (size >>> 24);
		buffer[start + 1] = (byte) (size >>> 16);
		buffer[start + 2] = (byte) (size >>> 8);
		buffer[start + 3] = (byte) size;
		return this;
	}

	BoxWriter fullBox(String type, int version, int flags, Consumer<BoxWriter> content) {
		return box(type, box -> {
			box.u8(version).u24(flags);
			content.accept(box);
		});
	}

	BoxWriter u8(int value) {
		ensure(1);
		buffer[length++] = (byte) value;
		return this;
	}

	BoxWriter u16(int value) {
		return u8(value >>> 8).u8(value);
	}

	BoxWriter u24(int value) {
		return u8(value >>> 16).u16(value);
	}

	BoxWriter u32(long value) {
		if (value < 0 || value > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("does not fit in 32 bits: " + value);
		}
		return u16((int) (value >>> 16)).u16((int) value);
	}

	BoxWriter u64(long value) {
		return u32(value >>> 32).u32(value & 0xFFFF_FFFFL);
	}

	BoxWriter fourCc(String code) {
		byte[] ascii = code.getBytes(StandardCharsets.US_ASCII);
		if (ascii.length != 4) {
			throw new IllegalArgumentException("four-character code expected: " + code);
		}
		return bytes(ascii);
	}

	BoxWriter bytes(byte[] data) {
		ensure(data.length);
		System.arraycopy(data, 0, buffer, length, data.length);
		length += data.length;
		return this;
	}

	BoxWriter zeros(int count) {
		ensure(count);
		length += count;
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(buffer, length);
	}

	private void ensure(int extra) {
		if (length + extra > buffer.length) {
			buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + extra));
		}
	}

}
