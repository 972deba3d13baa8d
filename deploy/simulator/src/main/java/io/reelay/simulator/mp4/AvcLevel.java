package io.reelay.simulator.mp4;

/**
 * The H.264 levels from 3.0 up (Table A-1), used to announce a level that covers the
 * frame size, macroblock rate and bitrate of an uncompressed I_PCM stream, which is far
 * above what the same picture would need when really compressed.
 */
enum AvcLevel {

	L3_0(30, 40_500, 1_620, 10_000), L3_1(31, 108_000, 3_600, 14_000), L3_2(32, 216_000, 5_120, 20_000),
	L4_0(40, 245_760, 8_192, 20_000), L4_1(41, 245_760, 8_192, 50_000), L4_2(42, 522_240, 8_704, 50_000),
	L5_0(50, 589_824, 22_080, 135_000), L5_1(51, 983_040, 36_864, 240_000), L5_2(52, 2_073_600, 36_864, 240_000),
	L6_0(60, 4_177_920, 139_264, 240_000), L6_1(61, 8_355_840, 139_264, 480_000),
	L6_2(62, 16_711_680, 139_264, 800_000);

	final int idc;

	private final long maxMacroblocksPerSecond;

	private final long maxFrameMacroblocks;

	private final long maxKilobitsPerSecond;

	AvcLevel(int idc, long maxMacroblocksPerSecond, long maxFrameMacroblocks, long maxKilobitsPerSecond) {
		this.idc = idc;
		this.maxMacroblocksPerSecond = maxMacroblocksPerSecond;
		this.maxFrameMacroblocks = maxFrameMacroblocks;
		this.maxKilobitsPerSecond = maxKilobitsPerSecond;
	}

	/**
	 * The lowest level that fits; when even the highest is exceeded (large, fast I_PCM
	 * streams) the highest is announced anyway, since decoders treat the level as a hint
	 * rather than a gate.
	 */
	static AvcLevel lowestFor(int mbColumns, int mbRows, int fps, long bitsPerSecond) {
		for (AvcLevel level : values()) {
			if (level.fits(mbColumns, mbRows, fps, bitsPerSecond)) {
				return level;
			}
		}
		return L6_2;
	}

	private boolean fits(int mbColumns, int mbRows, int fps, long bitsPerSecond) {
		long frameMacroblocks = (long) mbColumns * mbRows;
		// A.3.1 also bounds each picture edge by sqrt(8 * MaxFS) macroblocks.
		long maxEdgeSquared = 8 * maxFrameMacroblocks;
		return frameMacroblocks <= maxFrameMacroblocks && (long) mbColumns * mbColumns <= maxEdgeSquared
				&& (long) mbRows * mbRows <= maxEdgeSquared && frameMacroblocks * fps <= maxMacroblocksPerSecond
				&& bitsPerSecond <= maxKilobitsPerSecond * 1000;
	}

}
