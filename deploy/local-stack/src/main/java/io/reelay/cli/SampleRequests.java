package io.reelay.cli;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;

import javax.imageio.ImageIO;

import io.reelay.event.VideoRequested;

/**
 * The requests the demo sends: one per provider API in turn, text-to-video and
 * image-to-video, with the first frame inline (a {@code data:} URL) or in the bucket (an
 * {@code s3://} claim check).
 */
final class SampleRequests {

	/** Where the demo puts the first frame it sends as a claim check. */
	static final String FRAME_KEY = "inputs/demo-first-frame.png";

	private static final List<BiFunction<VideoRequested.Builder, String, VideoRequested.Builder>> SAMPLES = List.of(
			(request, frameUri) -> request.provider("generic")
				.model("sim-video-1")
				.prompt("A drone flyover of a tropical beach at golden hour")
				.duration(5)
				.resolution("720p"),
			(request, frameUri) -> request.provider("minimax")
				.model("I2V-01-Director")
				.prompt("[Push in] A lighthouse on a cliff as the storm clears")
				.image(pngDataUrl()),
			(request, frameUri) -> request.provider("aimlapi")
				.model("video-01")
				.prompt("Ocean waves crashing on a rocky shore, cinematic")
				.enhancePrompt(true),
			(request, frameUri) -> request.provider("tchavi")
				.model("seedance-2")
				.prompt("A koi pond at dawn, mist over the water")
				.duration(5)
				.resolution("480p")
				.aspectRatio("16:9")
				.image(frameUri),
			(request, frameUri) -> request.provider("openai")
				.model("veo-3.1-fast-generate-preview")
				.prompt("Time-lapse of a city skyline from day to night, distant traffic hum")
				.duration(8)
				.resolution("720p")
				.aspectRatio("16:9"));

	private SampleRequests() {
	}

	/**
	 * @param frameUri the {@code s3://} URI of {@link #framePng()} in Reelay's bucket
	 */
	static List<VideoRequested> create(int count, String frameUri) {
		String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		List<VideoRequested> requests = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			VideoRequested.Builder request = VideoRequested.builder()
				.requestId("demo-" + run + "-" + i)
				.metadata(Map.of("source", "reelay demo"))
				.requestedAt(Instant.now());
			requests.add(SAMPLES.get((i - 1) % SAMPLES.size()).apply(request, frameUri).build());
		}
		return requests;
	}

	/** A 640×360 PNG: big enough for every provider's first-frame rules. */
	static byte[] framePng() {
		BufferedImage image = new BufferedImage(640, 360, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, new Color(0x1e3a5f), 640, 360, new Color(0xf4a259)));
		graphics.fillRect(0, 0, 640, 360);
		graphics.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private static String pngDataUrl() {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(framePng());
	}

}
