package io.reelay.simulator.mp4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mp4GeneratorTests {

	private static final List<VideoSpec> SPECS = List.of(VideoSpec.small(1), new VideoSpec(16, 16, 1, 1, 0),
			new VideoSpec(128, 96, 25, 37, -9), new VideoSpec(64, 48, 7, 13, Long.MAX_VALUE),
			new VideoSpec(320, 240, 30, 3, 5));

	@Test
	void startsWithAnFtypBox() {
		byte[] file = Mp4Generator.bytes(VideoSpec.small(1));

		assertThat(new String(file, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
		assertThat(new String(file, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("isom");
	}

	@Test
	void topLevelBoxesAreFtypMoovMdatAndAddUpToTheFileSize() {
		for (VideoSpec spec : SPECS) {
			byte[] file = Mp4Generator.bytes(spec);
			List<Box> boxes = Box.walk(file, 0, file.length);

			assertThat(boxes).extracting(Box::type).containsExactly("ftyp", "moov", "mdat");
			assertThat(boxes.stream().mapToLong(Box::size).sum()).isEqualTo(Mp4Generator.size(spec));
		}
	}

	@Test
	void writtenLengthMatchesThePredictedSize() throws IOException {
		for (VideoSpec spec : SPECS) {
			CountingOutputStream out = new CountingOutputStream();
			Mp4Generator.write(spec, out);

			assertThat(out.count).as("%s", spec).isEqualTo(Mp4Generator.size(spec));
		}
	}

	@Test
	void equalSpecsGiveIdenticalBytes() {
		VideoSpec spec = new VideoSpec(128, 96, 25, 20, 77);

		assertThat(Mp4Generator.bytes(spec)).isEqualTo(Mp4Generator.bytes(new VideoSpec(128, 96, 25, 20, 77)));
	}

	@Test
	void differentSeedsGiveDifferentBytes() {
		assertThat(Mp4Generator.bytes(VideoSpec.small(1))).isNotEqualTo(Mp4Generator.bytes(VideoSpec.small(2)));
		assertThat(Mp4Generator.bytes(VideoSpec.small(0))).isNotEqualTo(Mp4Generator.bytes(VideoSpec.small(-1)));
	}

	@Test
	void mediaDataHoldsExactlyOneConstantSizeSamplePerFrame() {
		for (VideoSpec spec : SPECS) {
			byte[] file = Mp4Generator.bytes(spec);
			Box sizes = Box.find(file, "moov", "trak", "mdia", "minf", "stbl", "stsz");
			ByteBuffer stsz = sizes.content(file);
			long sampleSize = Integer.toUnsignedLong(stsz.getInt(4));
			long sampleCount = Integer.toUnsignedLong(stsz.getInt(8));

			assertThat(sampleCount).isEqualTo(spec.frames());
			assertThat(sampleSize * spec.frames() + 8).isEqualTo(Box.find(file, "mdat").size());
		}
	}

	@Test
	void chunkOffsetPointsAtTheFirstIdrSample() {
		for (VideoSpec spec : SPECS) {
			byte[] file = Mp4Generator.bytes(spec);
			ByteBuffer whole = ByteBuffer.wrap(file);
			int sampleSize = Box.find(file, "moov", "trak", "mdia", "minf", "stbl", "stsz").content(file).getInt(4);
			ByteBuffer stco = Box.find(file, "moov", "trak", "mdia", "minf", "stbl", "stco").content(file);
			Box mdat = Box.find(file, "mdat");

			assertThat(stco.getInt(4)).as("entry count").isEqualTo(1);
			int offset = stco.getInt(8);
			assertThat(offset).isEqualTo(mdat.start() + 8);
			assertThat(whole.getInt(offset)).isEqualTo(sampleSize - 4);
			assertThat(file[offset + 4]).isEqualTo((byte) 0x65);
		}
	}

	@Test
	void everySampleIsALengthPrefixedIdrSliceOfTheSameLength() {
		VideoSpec spec = new VideoSpec(48, 32, 12, 9, 3);
		byte[] file = Mp4Generator.bytes(spec);
		Box mdat = Box.find(file, "mdat");
		ByteBuffer media = mdat.content(file);
		int nalLength = media.getInt(0);

		assertThat(media.remaining()).isEqualTo(spec.frames() * (nalLength + 4));
		for (int frame = 0; frame < spec.frames(); frame++) {
			int at = frame * (nalLength + 4);
			assertThat(media.getInt(at)).isEqualTo(nalLength);
			assertThat(media.get(at + 4)).isEqualTo((byte) 0x65);
		}
	}

	@Test
	void decoderConfigurationCarriesTheParameterSets() {
		byte[] file = Mp4Generator.bytes(VideoSpec.small(4));
		ByteBuffer stsd = Box.find(file, "moov", "trak", "mdia", "minf", "stbl", "stsd").content(file);
		// stsd: version/flags, entry count, then the avc1 entry whose 78 fixed bytes
		// precede avcC.
		int avc1 = 8;
		assertThat(fourCc(stsd, avc1 + 4)).isEqualTo("avc1");
		assertThat(stsd.getShort(avc1 + 32)).isEqualTo((short) 64);
		int avcC = avc1 + 8 + 78;
		assertThat(fourCc(stsd, avcC + 4)).isEqualTo("avcC");

		int at = avcC + 8;
		assertThat(stsd.get(at)).isEqualTo((byte) 1);
		assertThat(stsd.get(at + 1)).isEqualTo((byte) 66);
		assertThat(stsd.get(at + 4) & 0x03).as("lengthSizeMinusOne").isEqualTo(3);
		assertThat(stsd.get(at + 5) & 0x1F).as("SPS count").isEqualTo(1);
		int spsLength = stsd.getShort(at + 6);
		assertThat(stsd.get(at + 8) & 0x1F).as("SPS NAL type").isEqualTo(7);
		int ppsAt = at + 8 + spsLength;
		assertThat(stsd.get(ppsAt)).as("PPS count").isEqualTo((byte) 1);
		assertThat(stsd.get(ppsAt + 3) & 0x1F).as("PPS NAL type").isEqualTo(8);
	}

	@Test
	void ofAtLeastGivesTheShortestClipReachingTheRequestedSize() {
		for (long wanted : new long[] { 0, 1, 50_000, 1_000_000, 123_456_789, 2L * 1024 * 1024 * 1024 }) {
			VideoSpec spec = VideoSpec.ofAtLeast(wanted, 8);

			assertThat(Mp4Generator.size(spec)).as("size for %d", wanted).isGreaterThanOrEqualTo(wanted);
			if (spec.frames() > 1) {
				VideoSpec oneFewer = new VideoSpec(spec.width(), spec.height(), spec.fps(), spec.frames() - 1,
						spec.seed());
				assertThat(Mp4Generator.size(oneFewer)).as("one frame fewer for %d", wanted).isLessThan(wanted);
			}
		}
	}

	@Test
	void streamsA200MegabyteFileWithoutHoldingIt() throws IOException {
		VideoSpec spec = VideoSpec.ofAtLeast(200_000_000, 21);
		CountingOutputStream out = new CountingOutputStream();

		Mp4Generator.write(spec, out);

		assertThat(out.count).isEqualTo(Mp4Generator.size(spec)).isGreaterThanOrEqualTo(200_000_000);
	}

	@Test
	void usesTheLargeSizeFormForMediaDataAbove4Gigabytes() {
		VideoSpec spec = new VideoSpec(1920, 1088, 30, 1400, 1);
		long size = Mp4Generator.size(spec);
		HeadOutputStream head = new HeadOutputStream(4096);

		// Only the headers matter here, so writing stops early instead of producing 4 GB.
		assertThatThrownBy(() -> Mp4Generator.write(spec, head)).isInstanceOf(HeadOutputStream.Full.class);

		assertThat(size).isGreaterThan(0xFFFF_FFFFL);
		byte[] file = head.bytes();
		List<Box> boxes = Box.walk(file, 0, file.length);
		assertThat(boxes).extracting(Box::type).containsExactly("ftyp", "moov", "mdat");
		Box mdat = boxes.get(2);
		assertThat(mdat.headerSize()).isEqualTo(16);
		assertThat(mdat.start() + mdat.size()).isEqualTo(size);
	}

	@Test
	void bytesRefusesFilesTooLargeForMemory() {
		VideoSpec spec = VideoSpec.ofAtLeast(65L * 1024 * 1024, 0);

		assertThatThrownBy(() -> Mp4Generator.bytes(spec)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void invalidSpecsAreRejectedNamingTheField() {
		assertThatThrownBy(() -> new VideoSpec(100, 64, 10, 10, 0)).hasMessageContaining("width");
		assertThatThrownBy(() -> new VideoSpec(0, 64, 10, 10, 0)).hasMessageContaining("width");
		assertThatThrownBy(() -> new VideoSpec(64, 4112, 10, 10, 0)).hasMessageContaining("height");
		assertThatThrownBy(() -> new VideoSpec(64, 64, 0, 10, 0)).hasMessageContaining("fps");
		assertThatThrownBy(() -> new VideoSpec(64, 64, 121, 10, 0)).hasMessageContaining("fps");
		assertThatThrownBy(() -> new VideoSpec(64, 64, 10, 0, 0)).hasMessageContaining("frames");
		assertThatThrownBy(() -> VideoSpec.ofAtLeast(-1, 0)).hasMessageContaining("bytes");
	}

	private static String fourCc(ByteBuffer buffer, int at) {
		byte[] code = new byte[4];
		buffer.get(at, code);
		return new String(code, StandardCharsets.US_ASCII);
	}

	/**
	 * A box found by walking the file: where it starts, its total size and its header
	 * length.
	 */
	private record Box(String type, int start, long size, int headerSize) {

		static List<Box> walk(byte[] file, int from, int to) {
			ByteBuffer buffer = ByteBuffer.wrap(file);
			List<Box> boxes = new ArrayList<>();
			int at = from;
			while (at < to) {
				long size = Integer.toUnsignedLong(buffer.getInt(at));
				String type = fourCc(buffer, at + 4);
				int header = 8;
				if (size == 1) {
					size = buffer.getLong(at + 8);
					header = 16;
				}
				assertThat(size).as("size of %s at %d", type, at).isGreaterThanOrEqualTo(header);
				boxes.add(new Box(type, at, size, header));
				at = (int) Math.min(at + size, to);
			}
			return boxes;
		}

		/** Follows a path of box types from the top level, e.g. moov, trak, mdia. */
		static Box find(byte[] file, String... path) {
			Box current = null;
			int from = 0;
			int to = file.length;
			for (String type : path) {
				current = walk(file, from, to).stream()
					.filter(box -> box.type().equals(type))
					.findFirst()
					.orElseThrow(() -> new AssertionError("no " + type + " box"));
				from = current.start() + current.headerSize();
				to = (int) (current.start() + current.size());
			}
			return current;
		}

		ByteBuffer content(byte[] file) {
			return ByteBuffer.wrap(file, start + headerSize, (int) size - headerSize).slice();
		}
	}

	private static final class CountingOutputStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

	/** Keeps the first bytes written, then refuses more. */
	private static final class HeadOutputStream extends OutputStream {

		private final ByteArrayOutputStream head = new ByteArrayOutputStream();

		private final int limit;

		HeadOutputStream(int limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			head.write(b, off, Math.min(len, limit - head.size()));
			if (head.size() >= limit) {
				throw new Full();
			}
		}

		byte[] bytes() {
			return head.toByteArray();
		}

		static final class Full extends IOException {

			private static final long serialVersionUID = 1L;

			Full() {
				super("head is full");
			}

		}

	}

}
