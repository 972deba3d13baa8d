package io.reelay.provider.openai;

import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.testing.Events;
import io.reelay.testing.TestImages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAI-compatible Videos API's request rules, per model; no I/O. */
class OpenAiRequestRulesTests {

	private static final String VEO_FAST = "veo-3.1-fast-generate-preview";

	@Test
	void acceptsAVeoRequestUsingEveryFieldTheDocumentDescribes() {
		VideoRequested request = aRequest().duration(8)
			.resolution("4k")
			.aspectRatio("9:16")
			.seed(20260521L)
			.negativePrompt("blurry, watermark")
			.providerOptions(Map.of("user", "team-a"))
			.build();
		assertThat(OpenAiRequestRules.problems(request)).isEmpty();
	}

	@Test
	void knowsTheFourModelsAndRefusesOthers() {
		for (String model : List.of(VEO_FAST, "veo-3.1-generate-preview", "sora-2", "sora-2-pro")) {
			assertThat(OpenAiRequestRules.problems(aRequest().model(model).build())).as(model).isEmpty();
		}
		assertThat(OpenAiRequestRules.problems(aRequest().model("veo-3").build()))
			.containsExactly("model: 'veo-3' is not an openai video model Reelay knows; it takes"
					+ " veo-3.1-fast-generate-preview, veo-3.1-generate-preview, sora-2, sora-2-pro");
		assertThat(OpenAiRequestRules.problems(aRequest().model(null).build()))
			.containsExactly("model: required by openai, one of"
					+ " veo-3.1-fast-generate-preview, veo-3.1-generate-preview, sora-2, sora-2-pro");
	}

	@Test
	void requiresAPrompt() {
		assertThat(OpenAiRequestRules.problems(aRequest().prompt("").build()))
			.containsExactly("prompt: required by openai");
	}

	@Test
	void takesFourSixOrEightSecondsOnVeo() {
		assertThat(OpenAiRequestRules.problems(aRequest().duration(4).build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().duration(6).build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().duration(5).build()))
			.containsExactly("duration: 5 seconds, veo-3.1-fast-generate-preview takes 4, 6 or 8");
	}

	@Test
	void takesOpenAisOwnLengthsOnSora() {
		assertThat(OpenAiRequestRules.problems(aRequest().model("sora-2").duration(12).build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().model("sora-2").duration(6).build()))
			.containsExactly("duration: 6 seconds, sora-2 takes 4, 8 or 12");
	}

	@Test
	void needsEightSecondsAt1080pAnd4kOnVeo() {
		assertThat(OpenAiRequestRules.problems(aRequest().resolution("1080p").duration(4).build()))
			.containsExactly("duration: 4 seconds at 1080p, veo-3.1-fast-generate-preview makes only 8-second"
					+ " videos at 1080p and 4k");
		assertThat(OpenAiRequestRules.problems(aRequest().resolution("4k").duration(6).build()))
			.containsExactly("duration: 6 seconds at 4k, veo-3.1-fast-generate-preview makes only 8-second"
					+ " videos at 1080p and 4k");
		// the API's default length is 8 seconds
		assertThat(OpenAiRequestRules.problems(aRequest().resolution("4k").build())).isEmpty();
	}

	@Test
	void takesTheResolutionsEachModelMakes() {
		assertThat(OpenAiRequestRules.problems(aRequest().resolution("480p").build()))
			.containsExactly("resolution: '480p', veo-3.1-fast-generate-preview takes 720p, 1080p or 4k");
		assertThat(OpenAiRequestRules.problems(aRequest().model("sora-2").resolution("1080p").build()))
			.containsExactly("resolution: '1080p', sora-2 takes 720p");
		assertThat(OpenAiRequestRules.problems(aRequest().model("sora-2-pro").resolution("1024p").build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().model("sora-2-pro").resolution("1080p").build()))
			.containsExactly("resolution: '1080p', sora-2-pro takes 720p or 1024p");
	}

	@Test
	void takesLandscapeOrPortraitOnly() {
		assertThat(OpenAiRequestRules.problems(aRequest().aspectRatio("1:1").build()))
			.containsExactly("aspectRatio: '1:1', openai takes 16:9 or 9:16");
	}

	@Test
	void refusesGenerateAudioBecauseTheGatewayRejectsIt() {
		assertThat(OpenAiRequestRules.problems(aRequest().generateAudio(true).build())).containsExactly(
				"generateAudio: openai rejects generateAudio (INVALID_ARGUMENT): describe the audio in the prompt");
		assertThat(OpenAiRequestRules.problems(aRequest().generateAudio(false).build())).hasSize(1);
		assertThat(OpenAiRequestRules.problems(aRequest().providerOptions(Map.of("generateAudio", true)).build()))
			.containsExactly("providerOptions.generateAudio: openai rejects generateAudio (INVALID_ARGUMENT):"
					+ " describe the audio in the prompt");
	}

	@Test
	void refusesFieldsTheVideosApiHasNoParameterFor() {
		String url = "https://example.com/x.png";
		VideoRequested request = aRequest().fps(24)
			.lastFrameImage(url)
			.referenceImages(List.of(url))
			.referenceVideos(List.of("https://example.com/x.mp4"))
			.referenceAudios(List.of("https://example.com/x.mp3"))
			.enhancePrompt(false)
			.build();
		String oneImage = " not supported by openai's Videos API, which takes one first-frame image as 'image';"
				+ " leave it out";
		assertThat(OpenAiRequestRules.problems(request)).containsExactly(
				"fps: not supported by openai (it chooses the frame rate); leave it out", "lastFrameImage:" + oneImage,
				"referenceImages:" + oneImage, "referenceVideos:" + oneImage, "referenceAudios:" + oneImage,
				"enhancePrompt: not supported by openai (it has no prompt rewriting switch); leave it out");
	}

	@Test
	void refusesSeedAndNegativePromptOnSoraWhoseApiHasNeither() {
		VideoRequested request = aRequest().model("sora-2-pro").seed(1L).negativePrompt("blur").build();
		assertThat(OpenAiRequestRules.problems(request)).containsExactly(
				"seed: not supported by sora-2-pro (OpenAI's Videos API takes model, prompt, seconds, size and one"
						+ " image); leave it out",
				"negativePrompt: not supported by sora-2-pro (OpenAI's Videos API takes model, prompt, seconds, size"
						+ " and one image); say what to avoid in the prompt instead");
	}

	@Test
	void refusesSeedAndNegativePromptWithAnImageBecauseTheFormHasNoPlaceForThem() {
		VideoRequested request = aRequest().image(TestImages.pngDataUrl(64, 36))
			.seed(1L)
			.negativePrompt("blur")
			.build();
		String form = " with an image (the image-to-video form takes model, prompt, seconds, size and the image)";
		assertThat(OpenAiRequestRules.problems(request)).containsExactly(
				"seed: not supported by openai" + form + "; leave it out or send no image",
				"negativePrompt: not supported by openai" + form + "; say what to avoid in the prompt instead");
	}

	@Test
	void takesTheImageAsAFileNeverAsAWebUrl() {
		assertThat(OpenAiRequestRules.problems(aRequest().image(TestImages.pngDataUrl(64, 36)).build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().image("s3://any-bucket/first.png").build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().image("https://example.com/first.png").build()))
			.containsExactly("image: https://example.com/… is a web URL, and openai takes the file itself: send it as"
					+ " a data: URL or an s3:// URI (Reelay does not fetch URLs on a requester's behalf)");
	}

	@Test
	void takesJpegPngOrWebpImages() {
		assertThat(OpenAiRequestRules.problems(aRequest().image("data:image/webp;base64,UklGRg==").build())).isEmpty();
		assertThat(OpenAiRequestRules.problems(aRequest().image("data:image/gif;base64,R0lGODlh").build()))
			.containsExactly("image: data:image/gif (6 bytes), openai takes JPEG, PNG or WebP images");
	}

	@Test
	void leavesUnreadableImageReferencesToTheSubmitter() {
		assertThat(OpenAiRequestRules.problems(aRequest().image("ftp://example.com/x.png").build())).isEmpty();
	}

	@Test
	void refusesProviderOptionsThatDuplicateARequestField() {
		VideoRequested request = aRequest().providerOptions(Map.of("seconds", "8")).build();
		assertThat(OpenAiRequestRules.problems(request))
			.containsExactly("providerOptions.seconds: set the request field 'duration' instead");
		assertThat(OpenAiRequestRules.problems(aRequest().providerOptions(Map.of("size", "1280x720")).build()))
			.containsExactly("providerOptions.size: set the request fields 'resolution' and 'aspectRatio' instead");
	}

	private static VideoRequested.Builder aRequest() {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(OpenAiProvider.NAME)
			.model(VEO_FAST)
			.prompt("A coastal lighthouse at dusk, slow push-in, waves and distant seabirds");
	}

}
