package io.reelay.simulator.mp4;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Generates small, real, playable MP4 files: {@code ftyp}, then {@code moov}, then
 * {@code mdat} ("fast start"), holding one H.264 track of uncompressed I_PCM frames. The
 * same spec always gives the same bytes.
 */
public final class Mp4Generator {

	/**
	 * Above this, {@link #bytes} refuses and callers should stream with {@link #write}.
	 */
	public static final int MAX_IN_MEMORY_BYTES = 64 * 1024 * 1024;

	private static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

	private Mp4Generator() {
	}

	/**
	 * The exact length of the file {@link #write} produces, without drawing any frame.
	 */
	public static long size(VideoSpec spec) {
		return Layout.of(spec).size();
	}

	/**
	 * Streams the file to {@code out}, which is flushed but not closed. Memory use
	 * depends on the frame width only, never on the frame count.
	 */
	public static void write(VideoSpec spec, OutputStream out) throws IOException {
		Layout layout = Layout.of(spec);
		BufferedOutputStream buffered = new BufferedOutputStream(out, OUTPUT_BUFFER_BYTES);
		buffered.write(layout.fileType);
		buffered.write(layout.movie);
		buffered.write(layout.mediaDataHeader);
		layout.stream.writeSamples(buffered);
		buffered.flush();
	}

	/** The whole file in memory; only for files up to {@link #MAX_IN_MEMORY_BYTES}. */
	public static byte[] bytes(VideoSpec spec) {
		long size = size(spec);
		if (size > MAX_IN_MEMORY_BYTES) {
			throw new IllegalArgumentException("spec produces " + size + " bytes, more than " + MAX_IN_MEMORY_BYTES
					+ "; use write(spec, out) to stream it");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
		try {
			write(spec, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** Everything but the frames themselves, which are drawn while streaming. */
	private record Layout(byte[] fileType, byte[] movie, byte[] mediaDataHeader, IntraPcmStream stream,
			long mediaDataPayload) {

		static Layout of(VideoSpec spec) {
			IntraPcmStream stream = new IntraPcmStream(spec);
			long payload = (long) spec.frames() * stream.sampleSize();
			byte[] fileType = Mp4Boxes.fileType();
			byte[] mediaDataHeader = Mp4Boxes.mediaDataHeader(payload);
			// The movie box's length does not depend on the offset it stores (stco is
			// always 32-bit), so measuring it with a placeholder gives the real offset.
			int movieLength = Mp4Boxes.movie(spec, stream, 0).length;
			long firstSample = (long) fileType.length + movieLength + mediaDataHeader.length;
			byte[] movie = Mp4Boxes.movie(spec, stream, firstSample);
			return new Layout(fileType, movie, mediaDataHeader, stream, payload);
		}

		long size() {
			return fileType.length + movie.length + mediaDataHeader.length + mediaDataPayload;
		}
	}

}
