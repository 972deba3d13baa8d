package io.reelay.provider.aimlapi;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaReference;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What AI/ML API video-01 requests may hold, checked without calling it. */
class AimlapiRequestRulesTests {

	private final AimlapiProvider provider = new AimlapiProvider(
			ProviderFixtures.client("aimlapi", URI.create("http://127.0.0.1:1"), "unused"));

	@Test
	void acceptsEveryFieldTheVideo01SchemaHas() {
		assertThat(this.provider.problems(request().image(TestImages.pngDataUrl(640, 480))
			.enhancePrompt(false)
			.providerOptions(Map.of("webhook", "https://example.com/hook"))
			.build())).isEmpty();
	}

	@Test
	void drivesVideo01Only() {
		assertThat(this.provider.problems(request().model("kling-video/v1/standard/text-to-video").build()))
			.containsExactly("model: 'kling-video/v1/standard/text-to-video', the aimlapi adapter drives video-01"
					+ " only (other AI/ML API video models take other parameters)");
	}

	@Test
	void requiresAPromptOfAtMostTwoThousandCharacters() {
		assertThat(this.provider.problems(request().prompt(null).build()))
			.containsExactly("prompt: required by aimlapi");
		assertThat(this.provider.problems(request().prompt("x".repeat(2001)).build()))
			.containsExactly("prompt: 2001 characters, at most 2000");
		assertThat(this.provider.problems(request().prompt("x".repeat(2000)).build())).isEmpty();
	}

	@Test
	void checksAnInlineFirstFrameAgainstTheSchemasImageRules() {
		assertThat(this.provider.problems(request().image(TestImages.pngDataUrl(1600, 320)).build())).containsExactly(
				"image: 1600x320 is too narrow or too wide, video-01 takes aspect ratios between 2:5 and 5:2");
		assertThat(this.provider.problems(request().image(TestImages.pngDataUrl(300, 500)).build()))
			.containsExactly("image: 300x500 is too small, its short side must be more than 300 pixels");
		assertThat(this.provider.problems(request().image("data:image/gif;base64,R0lGODlhAQABAAAAACw=").build()))
			.containsExactly("image: not a readable image, video-01 takes JPG or PNG images");
		assertThat(AimlapiRequestRules.IMAGE_RULES.problems("image",
				new MediaReference.Inline("image/png", new byte[20 * 1024 * 1024 + 1])))
			.contains("image: 20971521 bytes, video-01 takes images of at most 20 MB");
	}

	@Test
	void leavesWebAndBucketImagesToBeCheckedWhereTheBytesAre() {
		assertThat(this.provider.problems(request().image("https://example.com/tiny.gif").build())).isEmpty();
		assertThat(this.provider.problems(request().image("s3://reelay-provider-tests/tiny.png").build())).isEmpty();
	}

	@Test
	void refusesUnifiedFieldsTheVideo01SchemaHasNoPlaceFor() {
		VideoRequested request = request().duration(6)
			.resolution("720p")
			.fps(24)
			.aspectRatio("16:9")
			.seed(7L)
			.negativePrompt("blur")
			.image("https://example.com/first.png")
			.lastFrameImage("https://example.com/last.png")
			.referenceImages(List.of("https://example.com/a.png"))
			.referenceVideos(List.of("https://example.com/a.mp4"))
			.referenceAudios(List.of("https://example.com/a.mp3"))
			.generateAudio(false)
			.build();
		assertThat(this.provider.problems(request)).containsExactly(
				"duration: video-01 has no such parameter: its clips have a fixed length and size; leave it out",
				"resolution: video-01 has no such parameter: its clips have a fixed length and size; leave it out",
				"fps: video-01 chooses the frame rate itself; leave it out",
				"aspectRatio: video-01 takes no aspect ratio; leave it out (with a first frame, the image's shape"
						+ " decides)",
				"seed: video-01 takes no seed; leave it out",
				"negativePrompt: video-01 takes no negative prompt; say what to avoid in the prompt",
				"lastFrameImage: video-01 takes a first frame only (image); leave it out",
				"referenceImages: video-01 takes no reference images; send a first frame as image",
				"referenceVideos: video-01 takes no reference videos",
				"referenceAudios: video-01 takes no reference audio",
				"generateAudio: video-01 has no soundtrack option; leave it out");
	}

	@Test
	void refusesProviderOptionsThatDuplicateRequestFields() {
		assertThat(this.provider.problems(request()
			.providerOptions(Map.of("image_url", "https://example.com/a.png", "enhance_prompt", true, "model", "x"))
			.build()))
			.containsExactly("providerOptions.enhance_prompt: set it as the request field 'enhancePrompt' instead",
					"providerOptions.image_url: set it as the request field 'image' instead",
					"providerOptions.model: set it as the request field 'model' instead");
	}

	private static VideoRequested.Builder request() {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider("aimlapi")
			.model("video-01")
			.prompt("A koi pond at dawn")
			.requestedAt(Instant.now());
	}

}
