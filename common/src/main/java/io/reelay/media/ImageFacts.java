package io.reelay.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Format and size of an image, read from its header without decoding the pixels, so that
 * provider rules can be checked before any money is spent.
 *
 * @param format lower-case format name, e.g. {@code png} or {@code jpeg}
 */
public record ImageFacts(String format, int width, int height) {

	/** The facts, or empty when the bytes are not an image Java can read. */
	public static Optional<ImageFacts> of(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				return Optional.of(new ImageFacts(reader.getFormatName().toLowerCase(Locale.ROOT), reader.getWidth(0),
						reader.getHeight(0)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	public int shortSide() {
		return Math.min(this.width, this.height);
	}

	/** Width divided by height. */
	public double aspectRatio() {
		return (double) this.width / this.height;
	}

}
