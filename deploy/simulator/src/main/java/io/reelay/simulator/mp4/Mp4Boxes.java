package io.reelay.simulator.mp4;

import java.nio.charset.StandardCharsets;

/**
 * The container boxes of a single-track, single-chunk AVC file. Times are zero so that
 * the output depends on the spec alone.
 */
final class Mp4Boxes {

	private static final int MOVIE_TIMESCALE = 1000;

	private static final int TRACK_ID = 1;

	/** track_enabled | track_in_movie. */
	private static final int TRACK_FLAGS = 3;

	/** ISO 639-2 "und" packed as three 5-bit letters, each minus 0x60. */
	private static final int LANGUAGE_UNDETERMINED = (('u' - 0x60) << 10) | (('n' - 0x60) << 5) | ('d' - 0x60);

	private static final long DPI_72 = 0x0048_0000L;

	private static final int[] UNITY_MATRIX = { 0x0001_0000, 0, 0, 0, 0x0001_0000, 0, 0, 0, 0x4000_0000 };

	private static final String[] COMPATIBLE_BRANDS = { "isom", "iso2", "avc1", "mp41" };

	private static final int MDAT_HEADER = 8;

	private static final int MDAT_LARGE_HEADER = 16;

	private Mp4Boxes() {
	}

	static byte[] fileType() {
		BoxWriter ftyp = new BoxWriter();
		ftyp.box("ftyp", (box) -> {
			box.fourCc("isom").u32(512); // major brand, minor version
			for (String brand : COMPATIBLE_BRANDS) {
				box.fourCc(brand);
			}
		});
		return ftyp.toByteArray();
	}

	/** The 32-bit size form while it fits, else size 1 and a 64-bit largesize. */
	static byte[] mediaDataHeader(long payloadSize) {
		long compactSize = MDAT_HEADER + payloadSize;
		BoxWriter header = new BoxWriter();
		if (compactSize <= 0xFFFF_FFFFL) {
			return header.u32(compactSize).fourCc("mdat").toByteArray();
		}
		return header.u32(1).fourCc("mdat").u64(MDAT_LARGE_HEADER + payloadSize).toByteArray();
	}

	/**
	 * The movie box; {@code chunkOffset} is where the first sample starts in the file.
	 */
	static byte[] movie(VideoSpec spec, IntraPcmStream stream, long chunkOffset) {
		long durationMillis = ((long) spec.frames() * MOVIE_TIMESCALE + spec.fps() / 2) / spec.fps();
		// Version 1 only when needed: version 0 is what most files carry.
		int version = (durationMillis > 0xFFFF_FFFFL) ? 1 : 0;
		BoxWriter moov = new BoxWriter();
		moov.box("moov", (movie) -> {
			movieHeader(movie, version, durationMillis);
			movie.box("trak", (track) -> {
				trackHeader(track, spec, version, durationMillis);
				track.box("mdia", (media) -> {
					mediaHeader(media, spec);
					handler(media);
					media.box("minf", (information) -> {
						information.fullBox("vmhd", 0, 1, (vmhd) -> vmhd.u16(0).zeros(6));
						dataInformation(information);
						information.box("stbl", (table) -> sampleTable(table, spec, stream, chunkOffset));
					});
				});
			});
		});
		return moov.toByteArray();
	}

	private static void movieHeader(BoxWriter parent, int version, long durationMillis) {
		parent.fullBox("mvhd", version, 0, (mvhd) -> {
			times(mvhd, version, MOVIE_TIMESCALE, durationMillis);
			mvhd.u32(0x0001_0000).u16(0x0100).zeros(2 + 8);
			matrix(mvhd);
			mvhd.zeros(24).u32(TRACK_ID + 1);
		});
	}

	private static void trackHeader(BoxWriter parent, VideoSpec spec, int version, long durationMillis) {
		parent.fullBox("tkhd", version, TRACK_FLAGS, (tkhd) -> {
			if (version == 1) {
				tkhd.u64(0).u64(0).u32(TRACK_ID).u32(0).u64(durationMillis);
			}
			else {
				tkhd.u32(0).u32(0).u32(TRACK_ID).u32(0).u32(durationMillis);
			}
			// reserved, layer, alternate_group, volume (none for video), reserved
			tkhd.zeros(8).u16(0).u16(0).u16(0).u16(0);
			matrix(tkhd);
			tkhd.u32((long) spec.width() << 16).u32((long) spec.height() << 16);
		});
	}

	private static void mediaHeader(BoxWriter parent, VideoSpec spec) {
		// One tick per frame keeps stts to a single entry at any frame rate.
		parent.fullBox("mdhd", 0, 0, (mdhd) -> {
			times(mdhd, 0, spec.fps(), spec.frames());
			mdhd.u16(LANGUAGE_UNDETERMINED).u16(0);
		});
	}

	private static void handler(BoxWriter parent) {
		byte[] name = "VideoHandler\0".getBytes(StandardCharsets.US_ASCII);
		parent.fullBox("hdlr", 0, 0, (hdlr) -> hdlr.u32(0).fourCc("vide").zeros(12).bytes(name));
	}

	private static void dataInformation(BoxWriter parent) {
		// The 'url ' flag 1 says the media is in this same file.
		parent.box("dinf", (dinf) -> dinf.fullBox("dref", 0, 0, (dref) -> dref.u32(1).fullBox("url ", 0, 1, (url) -> {
		})));
	}

	private static void sampleTable(BoxWriter stbl, VideoSpec spec, IntraPcmStream stream, long chunkOffset) {
		stbl.fullBox("stsd", 0, 0, (stsd) -> stsd.u32(1).box("avc1", (avc1) -> sampleEntry(avc1, spec, stream)));
		stbl.fullBox("stts", 0, 0, (stts) -> stts.u32(1).u32(spec.frames()).u32(1));
		stbl.fullBox("stsc", 0, 0, (stsc) -> stsc.u32(1).u32(1).u32(spec.frames()).u32(1));
		stbl.fullBox("stsz", 0, 0, (stsz) -> stsz.u32(stream.sampleSize()).u32(spec.frames()));
		stbl.fullBox("stco", 0, 0, (stco) -> stco.u32(1).u32(chunkOffset));
	}

	private static void sampleEntry(BoxWriter avc1, VideoSpec spec, IntraPcmStream stream) {
		avc1.zeros(6).u16(1); // reserved, data_reference_index
		avc1.zeros(16).u16(spec.width()).u16(spec.height());
		avc1.u32(DPI_72).u32(DPI_72).u32(0).u16(1); // resolution, reserved, frame_count
		avc1.zeros(32); // compressorname
		avc1.u16(0x0018).u16(0xFFFF); // depth, pre_defined -1
		avc1.box("avcC", (avcC) -> decoderConfiguration(avcC, stream));
	}

	private static void decoderConfiguration(BoxWriter avcC, IntraPcmStream stream) {
		byte[] sps = stream.sps();
		byte[] pps = stream.pps();
		avcC.u8(1)
			.u8(IntraPcmStream.PROFILE_BASELINE)
			.u8(IntraPcmStream.CONSTRAINT_FLAGS)
			.u8(stream.levelIdc())
			.u8(0xFC | (IntraPcmStream.LENGTH_PREFIX_BYTES - 1))
			.u8(0xE0 | 1)
			.u16(sps.length)
			.bytes(sps)
			.u8(1)
			.u16(pps.length)
			.bytes(pps);
	}

	private static void times(BoxWriter box, int version, long timescale, long duration) {
		if (version == 1) {
			box.u64(0).u64(0).u32(timescale).u64(duration);
		}
		else {
			box.u32(0).u32(0).u32(timescale).u32(duration);
		}
	}

	private static void matrix(BoxWriter box) {
		for (int value : UNITY_MATRIX) {
			box.u32(value & 0xFFFF_FFFFL);
		}
	}

}
