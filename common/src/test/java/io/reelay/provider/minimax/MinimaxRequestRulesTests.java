package io.reelay.provider.minimax;

import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaReference;
import io.reelay.testing.Events;
import io.reelay.testing.ProviderFixtures;
import io.reelay.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What MiniMax requests may hold, checked without calling MiniMax. */
class MinimaxRequestRulesTests {

	private static final String PICTURE = TestImages.pngDataUrl(640, 480);

	private final MinimaxProvider provider = new MinimaxProvider(
			ProviderFixtures.client("minimax", URI.create("http://127.0.0.1:1"), "unused"));

	@Test
	void acceptsATextToVideoRequestWithEveryFieldMiniMaxTakes() {
		assertThat(this.provider.problems(request("T2V-01").duration(6)
			.resolution("720P")
			.enhancePrompt(false)
			.providerOptions(Map.of("callback_url", "https://example.com/hook"))
			.build())).isEmpty();
	}

	@Test
	void requiresAPromptOfAtMostTwoThousandCharacters() {
		assertThat(this.provider.problems(request("T2V-01").prompt(" ").build()))
			.containsExactly("prompt: required by minimax");
		assertThat(this.provider.problems(request("T2V-01").prompt("x".repeat(2001)).build()))
			.containsExactly("prompt: 2001 characters, at most 2000");
		assertThat(this.provider.problems(request("T2V-01").prompt("x".repeat(2000)).build())).isEmpty();
	}

	@Test
	void refusesAModelMiniMaxDoesNotDocumentNamingTheOnesItDoes() {
		assertThat(this.provider.problems(request("video-01").build()))
			.containsExactly("model: 'video-01' is not a MiniMax video model; use one of T2V-01, T2V-01-Director,"
					+ " I2V-01, I2V-01-Director, I2V-01-live, S2V-01, MiniMax-Hailuo-02");
	}

	@ParameterizedTest
	@ValueSource(strings = { "I2V-01", "I2V-01-Director", "I2V-01-live" })
	void requiresAFirstFrameForImageToVideoModels(String model) {
		assertThat(this.provider.problems(request(model).build()))
			.containsExactly("image: required by " + model + ", which animates a first frame");
		assertThat(this.provider.problems(request(model).image(PICTURE).build())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "T2V-01", "T2V-01-Director" })
	void refusesAFirstFrameForTextToVideoModels(String model) {
		assertThat(this.provider.problems(request(model).image("https://example.com/cat.png").build()))
			.containsExactly("image: " + model + " is text-to-video and takes no first frame; use I2V-01,"
					+ " I2V-01-Director, I2V-01-live or MiniMax-Hailuo-02");
	}

	@Test
	void takesAnOptionalFirstFrameWithHailuo02() {
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").build())).isEmpty();
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").image(PICTURE).build())).isEmpty();
	}

	@Test
	void requiresExactlyOneCharacterImageForS2v01() {
		assertThat(this.provider.problems(request("S2V-01").build()))
			.containsExactly("referenceImages: S2V-01 takes exactly one character image, not 0");
		assertThat(this.provider.problems(request("S2V-01").referenceImages(List.of(PICTURE, PICTURE)).build()))
			.containsExactly("referenceImages: S2V-01 takes exactly one character image, not 2");
		assertThat(this.provider.problems(request("S2V-01").referenceImages(List.of(PICTURE)).build())).isEmpty();
		assertThat(this.provider
			.problems(request("S2V-01").referenceImages(List.of(PICTURE)).image("https://example.com/a.png").build()))
			.containsExactly("image: S2V-01 takes no first frame; send its character in referenceImages");
	}

	@Test
	void refusesReferenceImagesForEveryModelButS2v01() {
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").referenceImages(List.of(PICTURE)).build()))
			.containsExactly(
					"referenceImages: MiniMax-Hailuo-02 takes no reference images; only S2V-01 does (one character)");
	}

	@Test
	void requiresAFirstFrameForALastFrame() {
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").lastFrameImage(PICTURE).build()))
			.containsExactly("lastFrameImage: needs image, the first frame");
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").image(PICTURE).lastFrameImage(PICTURE).build()))
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "T2V-01", "T2V-01-Director", "S2V-01" })
	void limitsThe01SeriesToSixSecond720pClips(String model) {
		VideoRequested request = request(model).referenceImages(model.equals("S2V-01") ? List.of(PICTURE) : List.of())
			.duration(10)
			.resolution("1080P")
			.build();
		assertThat(this.provider.problems(request)).containsExactly("resolution: '1080P', " + model + " takes 720P",
				"duration: 10 seconds, " + model + " makes clips of 6 seconds");
	}

	@ParameterizedTest
	@CsvSource({ "512P, 6", "512P, 10", "768P, 6", "768P, 10", "1080P, 6", "768p, 10" })
	void acceptsTheLengthsAndSizesOfHailuo02(String resolution, int duration) {
		assertThat(
				this.provider.problems(request("MiniMax-Hailuo-02").resolution(resolution).duration(duration).build()))
			.isEmpty();
	}

	@Test
	void refusesTenSecondClipsAt1080pAndOtherSizesWithHailuo02() {
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").resolution("1080P").duration(10).build()))
			.containsExactly("duration: 10 seconds, MiniMax-Hailuo-02 at 1080P makes clips of 6 seconds");
		assertThat(this.provider.problems(request("MiniMax-Hailuo-02").resolution("720P").duration(8).build()))
			.containsExactly("resolution: '720P', MiniMax-Hailuo-02 takes 512P or 768P or 1080P",
					"duration: 8 seconds, MiniMax-Hailuo-02 makes clips of 6 or 10 seconds");
	}

	@Test
	void acceptsResolutionsSpelledTheWayMiniMaxDoesOrInLowerCase() {
		assertThat(this.provider.problems(request("T2V-01").resolution("720p").build())).isEmpty();
		assertThat(MinimaxRequestRules.resolution("720p")).isEqualTo("720P");
	}

	@Test
	void acceptsDocumentedCameraMovementsInDirectorPrompts() {
		assertThat(this.provider.problems(
				request("T2V-01-Director").prompt("[Truck left, Pan right, Zoom in] a harbour, then [Static shot]")
					.build()))
			.isEmpty();
	}

	@Test
	void namesAnUnknownCameraMovementInADirectorPrompt() {
		assertThat(this.provider
			.problems(request("I2V-01-Director").image(PICTURE).prompt("a harbour [Truck left, Spin around]").build()))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("prompt: unknown camera movement 'Spin around' in [Truck left, Spin around] for"
					+ " I2V-01-Director; square brackets hold camera movements only, one of [Truck left], ");
		assertThat(this.provider.problems(request("T2V-01-Director").prompt("a harbour [pan left]").build()))
			.containsExactly("prompt: unknown camera movement 'pan left' in [pan left] for T2V-01-Director;"
					+ " write it as [Pan left]");
	}

	@Test
	void refusesMoreThanThreeCameraMovementsInOneBracket() {
		assertThat(this.provider
			.problems(request("T2V-01-Director").prompt("[Truck left, Pan right, Zoom in, Shake] a harbour").build()))
			.containsExactly("prompt: [Truck left, Pan right, Zoom in, Shake] combines 4 camera movements,"
					+ " T2V-01-Director takes at most 3 in one bracket");
	}

	@Test
	void leavesSquareBracketsAloneInPromptsOfOtherModels() {
		assertThat(this.provider.problems(request("T2V-01").prompt("a harbour [sim:fail] [Spin around]").build()))
			.isEmpty();
	}

	@Test
	void checksInlineImagesAgainstMiniMaxsImageRules() {
		assertThat(this.provider.problems(request("I2V-01").image(dataUrl("bmp", 640, 480)).build()))
			.containsExactly("image: bmp, MiniMax takes JPG or PNG images");
		assertThat(this.provider.problems(request("I2V-01").image(dataUrl("jpeg", 640, 480)).build())).isEmpty();
		assertThat(this.provider.problems(request("I2V-01").image(TestImages.pngDataUrl(1600, 320)).build()))
			.containsExactly(
					"image: 1600x320 is too narrow or too wide, MiniMax takes aspect ratios between 2:5" + " and 5:2");
		assertThat(this.provider.problems(request("I2V-01").image(TestImages.pngDataUrl(400, 1000)).build()))
			.containsExactly(
					"image: 400x1000 is too narrow or too wide, MiniMax takes aspect ratios between 2:5" + " and 5:2");
		assertThat(this.provider.problems(request("I2V-01").image(TestImages.pngDataUrl(300, 400)).build()))
			.containsExactly("image: 300x400 is too small, its short side must be more than 300 pixels");
		assertThat(this.provider.problems(request("I2V-01").image(TestImages.pngDataUrl(301, 400)).build())).isEmpty();
	}

	@Test
	void checksLastFramesAndCharacterImagesAsWell() {
		assertThat(this.provider.problems(
				request("MiniMax-Hailuo-02").image(PICTURE).lastFrameImage(TestImages.pngDataUrl(200, 200)).build()))
			.containsExactly("lastFrameImage: 200x200 is too small, its short side must be more than 300 pixels");
		assertThat(this.provider
			.problems(request("S2V-01").referenceImages(List.of(TestImages.pngDataUrl(200, 200))).build()))
			.containsExactly("referenceImages[0]: 200x200 is too small, its short side must be more than 300 pixels");
	}

	@Test
	void refusesImagesOverTwentyMegabytes() {
		byte[] large = new byte[20 * 1024 * 1024 + 1];
		assertThat(MinimaxRequestRules.IMAGE_RULES.problems("image", new MediaReference.Inline("image/png", large)))
			.containsExactly("image: 20971521 bytes, MiniMax takes images of at most 20 MB",
					"image: not a readable image, MiniMax takes JPG or PNG images");
	}

	@Test
	void leavesWebAndBucketImagesToBeCheckedWhereTheBytesAre() {
		assertThat(this.provider.problems(request("I2V-01").image("https://example.com/tiny.gif").build())).isEmpty();
		assertThat(this.provider.problems(request("I2V-01").image("s3://reelay-provider-tests/tiny.png").build()))
			.isEmpty();
	}

	@Test
	void refusesUnifiedFieldsMiniMaxHasNoPlaceFor() {
		VideoRequested request = request("T2V-01").fps(24)
			.aspectRatio("16:9")
			.seed(7L)
			.negativePrompt("blur")
			.referenceVideos(List.of("https://example.com/a.mp4"))
			.referenceAudios(List.of("https://example.com/a.mp3"))
			.generateAudio(true)
			.build();
		assertThat(this.provider.problems(request)).containsExactly(
				"fps: MiniMax chooses the frame rate itself; leave it out",
				"aspectRatio: MiniMax takes no aspect ratio; leave it out (with a first frame, the image's shape"
						+ " decides)",
				"seed: MiniMax takes no seed; leave it out",
				"negativePrompt: MiniMax takes no negative prompt; say what to avoid in the prompt",
				"referenceVideos: MiniMax takes no reference videos",
				"referenceAudios: MiniMax takes no reference audio",
				"generateAudio: MiniMax has no soundtrack option; leave it out");
	}

	@Test
	void refusesProviderOptionsThatDuplicateRequestFields() {
		VideoRequested request = request("T2V-01")
			.providerOptions(Map.of("first_frame_image", "https://example.com/a.png", "prompt_optimizer", false,
					"resolution", "720P", "callback_url", "https://example.com/hook"))
			.build();
		assertThat(this.provider.problems(request)).containsExactly(
				"providerOptions.first_frame_image: set it as the request field 'image' instead",
				"providerOptions.prompt_optimizer: set it as the request field 'enhancePrompt' instead",
				"providerOptions.resolution: set it as the request field 'resolution' instead");
	}

	private static VideoRequested.Builder request(String model) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider("minimax")
			.model(model)
			.prompt("A koi pond at dawn")
			.requestedAt(Instant.now());
	}

	private static String dataUrl(String format, int width, int height) {
		return "data:image/" + format + ";base64,"
				+ Base64.getEncoder().encodeToString(TestImages.image(format, width, height));
	}

}
