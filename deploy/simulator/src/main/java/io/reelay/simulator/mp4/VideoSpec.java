package io.reelay.simulator.mp4;

/**
 * What to draw: frame size in pixels (multiples of 16), frames per second, frame count,
 * and a seed that varies colours so different seeds give different bytes.
 */
public record VideoSpec(int width, int height, int fps, int frames, long seed) {

	/**
	 * Largest accepted frame edge; keeps every dimension inside the 16-bit fields of the
	 * sample entry.
	 */
	public static final int MAX_DIMENSION = 4096;

	private static final int SIZED_WIDTH = 128;

	private static final int SIZED_HEIGHT = 96;

	private static final int SIZED_FPS = 25;

	public VideoSpec {
		requireDimension("width", width);
		requireDimension("height", height);
		if (fps < 1 || fps > 120) {
			throw new IllegalArgumentException("fps must be between 1 and 120, got " + fps);
		}
		if (frames < 1) {
			throw new IllegalArgumentException("frames must be at least 1, got " + frames);
		}
	}

	/** A one-second 64x64 clip at 10 fps, a few tens of KB. */
	public static VideoSpec small(long seed) {
		return new VideoSpec(64, 64, 10, 10, seed);
	}

	/**
	 * The shortest 128x96, 25 fps clip whose file is at least {@code bytes} long, so
	 * callers can ask for "a file of roughly N bytes" and get a real video of that size.
	 */
	public static VideoSpec ofAtLeast(long bytes, long seed) {
		if (bytes < 0) {
			throw new IllegalArgumentException("bytes must not be negative, got " + bytes);
		}
		if (Mp4Generator.size(sized(Integer.MAX_VALUE, seed)) < bytes) {
			throw new IllegalArgumentException(
					"bytes is larger than any " + SIZED_WIDTH + "x" + SIZED_HEIGHT + " clip can be, got " + bytes);
		}
		// The file size grows strictly with the frame count, so a binary search finds
		// the smallest fit without mirroring the container's overhead rules here.
		int low = 1;
		int high = Integer.MAX_VALUE;
		while (low < high) {
			int middle = low + (high - low) / 2;
			if (Mp4Generator.size(sized(middle, seed)) >= bytes) {
				high = middle;
			}
			else {
				low = middle + 1;
			}
		}
		return sized(low, seed);
	}

	private static VideoSpec sized(int frames, long seed) {
		return new VideoSpec(SIZED_WIDTH, SIZED_HEIGHT, SIZED_FPS, frames, seed);
	}

	private static void requireDimension(String name, int value) {
		if (value <= 0 || value % 16 != 0 || value > MAX_DIMENSION) {
			throw new IllegalArgumentException(
					name + " must be a positive multiple of 16 up to " + MAX_DIMENSION + ", got " + value);
		}
	}
}
