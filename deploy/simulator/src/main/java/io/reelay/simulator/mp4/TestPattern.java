package io.reelay.simulator.mp4;

/**
 * The picture: a seed-coloured background with a soft vertical gradient and a white
 * vertical bar that moves right a few pixels each frame, wrapping at the edge, so a
 * viewer sees real motion.
 *
 * <p>
 * Every sample stays in 16..235 (video range, never zero); the stream writer relies on
 * that to avoid emulation-prevention bytes, which keeps every frame the same length.
 */
final class TestPattern {

	/** The brightest video-range luma. */
	private static final int BAR_LUMA = 235;

	private static final int BAR_CHROMA = 128;

	/**
	 * Luma samples of the top-left macroblock whose lowest bit carries one seed bit each.
	 */
	private static final int SEED_BITS = Long.SIZE;

	private final int width;

	private final long seed;

	private final int barWidth;

	private final int barStep;

	private final int backgroundCb;

	private final int backgroundCr;

	private final byte[] backgroundLumaByRow;

	private final boolean[] barColumns;

	TestPattern(VideoSpec spec) {
		this.width = spec.width();
		this.seed = spec.seed();
		// Even bar edges match the 2x2 chroma grid, so the bar has no coloured fringe.
		this.barWidth = Math.max(2, (spec.width() / 8) & ~1);
		// About one second for the bar to cross the picture, whatever the frame rate.
		this.barStep = Math.max(2, (spec.width() / spec.fps()) & ~1);

		long colours = mix(spec.seed());
		int baseLuma = 48 + (int) (colours & 0x3F);
		this.backgroundCb = 64 + (int) ((colours >>> 8) & 0x7F);
		this.backgroundCr = 64 + (int) ((colours >>> 16) & 0x7F);
		this.backgroundLumaByRow = new byte[spec.height()];
		for (int y = 0; y < spec.height(); y++) {
			backgroundLumaByRow[y] = (byte) (baseLuma + y * 48 / spec.height());
		}
		this.barColumns = new boolean[spec.width()];
	}

	void beginFrame(int frame) {
		int barStart = (int) ((long) frame * barStep % width);
		for (int x = 0; x < width; x++) {
			barColumns[x] = Math.floorMod(x - barStart, width) < barWidth;
		}
	}

	/**
	 * Writes one macroblock as I_PCM expects it: 16x16 luma, then 8x8 Cb, then 8x8 Cr,
	 * row by row.
	 */
	void fillMacroblock(int mbX, int mbY, byte[] target, int offset) {
		int x0 = mbX * 16;
		int y0 = mbY * 16;
		int at = offset;
		for (int y = y0; y < y0 + 16; y++) {
			byte background = backgroundLumaByRow[y];
			for (int x = x0; x < x0 + 16; x++) {
				target[at++] = barColumns[x] ? (byte) BAR_LUMA : background;
			}
		}
		if (mbX == 0 && mbY == 0) {
			// Colours alone could collide for two seeds; the seed's own bits, one in
			// the lowest bit of each of the first 64 luma samples, cannot. A change of
			// one level is invisible.
			for (int i = 0; i < SEED_BITS; i++) {
				int sample = (target[offset + i] & 0xFE) | (int) ((seed >>> i) & 1);
				target[offset + i] = (byte) sample;
			}
		}
		at = fillChroma(x0 / 2, target, at, backgroundCb);
		fillChroma(x0 / 2, target, at, backgroundCr);
	}

	private int fillChroma(int chromaX0, byte[] target, int at, int background) {
		for (int row = 0; row < 8; row++) {
			for (int cx = chromaX0; cx < chromaX0 + 8; cx++) {
				target[at++] = (byte) (barColumns[2 * cx] ? BAR_CHROMA : background);
			}
		}
		return at;
	}

	/**
	 * A 64-bit finalizer (the SplitMix64 one), so neighbouring seeds get unrelated
	 * colours.
	 */
	private static long mix(long seed) {
		long z = seed + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
