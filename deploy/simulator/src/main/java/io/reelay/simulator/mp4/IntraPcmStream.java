package io.reelay.simulator.mp4;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An H.264 Baseline stream in which every frame is one IDR slice of I_PCM macroblocks:
 * raw samples wrapped in just enough syntax to be decodable, so no transform or entropy
 * coder is needed.
 *
 * <p>
 * Each MP4 sample is one length-prefixed IDR NAL unit, and all of them are the same
 * length, which lets the container use a constant sample size and compute the file size
 * without drawing a frame.
 */
final class IntraPcmStream {

	static final int PROFILE_BASELINE = 66;

	/**
	 * constraint_set0 and constraint_set1: the stream also obeys Constrained Baseline and
	 * Main.
	 */
	static final int CONSTRAINT_FLAGS = 0xC0;
	static final int LENGTH_PREFIX_BYTES = 4;

	private static final int NAL_REF_IDC = 3;

	private static final int NAL_IDR_SLICE = 5;

	private static final int NAL_SPS = 7;

	private static final int NAL_PPS = 8;

	/** Slice type 7: I, and every other slice of the picture is I too. */
	private static final int SLICE_TYPE_ALL_I = 7;

	private static final int MB_TYPE_I_PCM = 25;

	/** 256 luma + 2 x 64 chroma samples of a 4:2:0 macroblock at 8 bits. */
	private static final int PCM_BYTES = 384;

	private final VideoSpec spec;

	private final int mbColumns;

	private final int mbRows;

	private final AvcLevel level;

	private final byte[] sps;

	private final byte[] pps;

	/**
	 * Indexed by idr_pic_id: NAL header, slice header, the first mb_type and its
	 * alignment bits.
	 */
	private final byte[][] slicePrefixes;

	/**
	 * mb_type and alignment bits before every later macroblock; always starts byte
	 * aligned.
	 */
	private final byte[] macroblockPrefix;

	private final byte[] sliceTrailer;

	private final int nalLength;

	IntraPcmStream(VideoSpec spec) {
		this.spec = spec;
		this.mbColumns = spec.width() / 16;
		this.mbRows = spec.height() / 16;
		this.slicePrefixes = new byte[][] { slicePrefix(0), slicePrefix(1) };
		if (slicePrefixes[0].length != slicePrefixes[1].length) {
			throw new IllegalStateException("slice headers differ in length, samples would not be constant");
		}
		this.macroblockPrefix = new BitWriter().ue(MB_TYPE_I_PCM).alignWithZeros().toByteArray();
		this.sliceTrailer = new BitWriter().trailingBits().toByteArray();
		long macroblocks = (long) mbColumns * mbRows;
		this.nalLength = Math.toIntExact(slicePrefixes[0].length + macroblocks * PCM_BYTES
				+ (macroblocks - 1) * macroblockPrefix.length + sliceTrailer.length);
		long bitsPerSecond = (long) nalLength * 8 * spec.fps();
		this.level = AvcLevel.lowestFor(mbColumns, mbRows, spec.fps(), bitsPerSecond);
		this.sps = nalUnit(NAL_SPS, sequenceParameterSet());
		this.pps = nalUnit(NAL_PPS, pictureParameterSet());
	}

	byte[] sps() {
		return sps.clone();
	}

	byte[] pps() {
		return pps.clone();
	}

	int levelIdc() {
		return level.idc;
	}

	/** Bytes of one MP4 sample: the length prefix plus the IDR NAL unit. */
	int sampleSize() {
		return LENGTH_PREFIX_BYTES + nalLength;
	}

	/**
	 * Streams every frame as length-prefixed NAL units, buffering one macroblock row at a
	 * time.
	 */
	void writeSamples(OutputStream out) throws IOException {
		TestPattern pattern = new TestPattern(spec);
		int slotSize = macroblockPrefix.length + PCM_BYTES;
		byte[] row = new byte[mbColumns * slotSize];
		byte[] lengthPrefix = { (byte) (nalLength >>> 24), (byte) (nalLength >>> 16), (byte) (nalLength >>> 8),
				(byte) nalLength };
		for (int frame = 0; frame < spec.frames(); frame++) {
			pattern.beginFrame(frame);
			out.write(lengthPrefix);
			// Consecutive IDR pictures must differ in idr_pic_id (7.4.3).
			byte[] prefix = slicePrefixes[frame & 1];
			out.write(prefix);
			ZeroRunCheck check = new ZeroRunCheck();
			check.scan(prefix, prefix.length);
			for (int mbY = 0; mbY < mbRows; mbY++) {
				int length = 0;
				for (int mbX = 0; mbX < mbColumns; mbX++) {
					if (mbX > 0 || mbY > 0) {
						System.arraycopy(macroblockPrefix, 0, row, length, macroblockPrefix.length);
						length += macroblockPrefix.length;
					}
					pattern.fillMacroblock(mbX, mbY, row, length);
					length += PCM_BYTES;
				}
				check.scan(row, length);
				out.write(row, 0, length);
			}
			check.scan(sliceTrailer, sliceTrailer.length);
			out.write(sliceTrailer);
		}
	}

	private byte[] sequenceParameterSet() {
		return new BitWriter().bits(8, PROFILE_BASELINE)
			.bits(8, CONSTRAINT_FLAGS)
			.bits(8, level.idc)
			.ue(0) // seq_parameter_set_id
			.ue(0) // log2_max_frame_num_minus4: frame_num is 4 bits
			.ue(2) // pic_order_cnt_type 2: output order is decode order
			.ue(1) // max_num_ref_frames
			.bit(false) // gaps_in_frame_num_value_allowed_flag
			.ue(mbColumns - 1)
			.ue(mbRows - 1)
			.bit(true) // frame_mbs_only_flag
			.bit(true) // direct_8x8_inference_flag
			.bit(false) // frame_cropping_flag: sizes are whole macroblocks
			.bit(false) // vui_parameters_present_flag
			.trailingBits()
			.toByteArray();
	}

	private static byte[] pictureParameterSet() {
		return new BitWriter().ue(0) // pic_parameter_set_id
			.ue(0) // seq_parameter_set_id
			.bit(false) // entropy_coding_mode_flag: CAVLC
			.bit(false) // bottom_field_pic_order_in_frame_present_flag
			.ue(0) // num_slice_groups_minus1
			.ue(0) // num_ref_idx_l0_default_active_minus1
			.ue(0) // num_ref_idx_l1_default_active_minus1
			.bit(false) // weighted_pred_flag
			.bits(2, 0) // weighted_bipred_idc
			.se(0) // pic_init_qp_minus26
			.se(0) // pic_init_qs_minus26
			.se(0) // chroma_qp_index_offset
			.bit(false) // deblocking_filter_control_present_flag
			.bit(false) // constrained_intra_pred_flag
			.bit(false) // redundant_pic_cnt_present_flag
			.trailingBits()
			.toByteArray();
	}

	private static byte[] slicePrefix(int idrPicId) {
		byte[] syntax = new BitWriter().ue(0) // first_mb_in_slice
			.ue(SLICE_TYPE_ALL_I)
			.ue(0) // pic_parameter_set_id
			.bits(4, 0) // frame_num, always 0 in an IDR picture
			.ue(idrPicId)
			.bit(false) // no_output_of_prior_pics_flag
			.bit(false) // long_term_reference_flag
			.se(0) // slice_qp_delta
			.ue(MB_TYPE_I_PCM)
			.alignWithZeros() // pcm_alignment_zero_bit
			.toByteArray();
		byte[] prefix = new byte[1 + syntax.length];
		prefix[0] = nalHeader(NAL_IDR_SLICE);
		System.arraycopy(syntax, 0, prefix, 1, syntax.length);
		return prefix;
	}

	private static byte nalHeader(int type) {
		return (byte) ((NAL_REF_IDC << 5) | type);
	}

	/**
	 * A complete NAL unit with emulation prevention (7.4.1), for the small parameter
	 * sets.
	 */
	private static byte[] nalUnit(int type, byte[] rbsp) {
		ByteArrayOutputStream nal = new ByteArrayOutputStream(rbsp.length + 4);
		nal.write(nalHeader(type));
		int zeros = 0;
		for (byte b : rbsp) {
			if (zeros == 2 && (b & 0xFF) <= 3) {
				nal.write(3);
				zeros = 0;
			}
			nal.write(b);
			zeros = b == 0 ? zeros + 1 : 0;
		}
		return nal.toByteArray();
	}

	/**
	 * Guards the constant-length assumption: a slice that ever contained two zero bytes
	 * in a row could need an emulation-prevention byte, and the precomputed sample size
	 * would be wrong.
	 */
	private static final class ZeroRunCheck {

		private boolean previousZero;

		void scan(byte[] bytes, int length) {
			for (int i = 0; i < length; i++) {
				boolean zero = bytes[i] == 0;
				if (zero && previousZero) {
					throw new IllegalStateException("slice data would need emulation prevention");
				}
				previousZero = zero;
			}
		}

	}

}
