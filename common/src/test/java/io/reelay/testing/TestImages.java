package io.reelay.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

/** Real images for requests: PNG or JPEG of a chosen size, inline or in the bucket. */
public final class TestImages {

	private TestImages() {
	}

	/** An image of this size; {@code format} is {@code png} or {@code jpeg}. */
	public static byte[] image(String format, int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < height; y += 8) {
			for (int x = 0; x < width; x += 8) {
				image.setRGB(x, y, (x * 31 + y * 17) & 0xFFFFFF);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A PNG of this size as a {@code data:} URL. */
	public static String pngDataUrl(int width, int height) {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(image("png", width, height));
	}

	/** A PNG of this size put in the test bucket, as its {@code s3://} URI. */
	public static String pngInBucket(int width, int height) {
		byte[] png = image("png", width, height);
		String key = "uploads/" + UUID.randomUUID() + ".png";
		ProviderFixtures.store().put(key, new ByteArrayInputStream(png), png.length, "image/png", Map.of());
		return "s3://" + ProviderFixtures.TEST_BUCKET + "/" + key;
	}

}
