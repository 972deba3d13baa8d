package io.reelay.downloader.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.reelay.event.FailureCode;
import io.reelay.event.ReelayException;

/**
 * An MP4 file starts with an {@code ftyp} box: bytes 4 to 7 are {@code ftyp}. Checked
 * before anything is stored, so an error page served with status 200 never becomes a
 * "video".
 */
final class Mp4Signature {

	private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);

	private Mp4Signature() {
	}

	/**
	 * The same stream, positioned at its start, once its first bytes proved it is an MP4.
	 */
	static InputStream verified(InputStream body) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(body, 64 * 1024);
		buffered.mark(8);
		byte[] head = buffered.readNBytes(8);
		buffered.reset();
		if (head.length < 8 || !Arrays.equals(head, 4, 8, FTYP, 0, 4)) {
			throw new ReelayException(FailureCode.INVALID_CONTENT,
					"the provider served something that is not an MP4 video (it starts with " + printable(head)
							+ ", an MP4 has 'ftyp' at byte 4)");
		}
		return buffered;
	}

	private static String printable(byte[] head) {
		StringBuilder text = new StringBuilder("'");
		for (byte b : head) {
			text.append((b >= 32 && b < 127) ? (char) b : '.');
		}
		return text.append('\'').toString();
	}

}
