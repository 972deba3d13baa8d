package io.reelay.provider.tchavi;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** tchavi's request rules, from its video generation document; no I/O. */
class TchaviRequestRulesTests {

	private static final String IMAGE = "https://example.com/first.png";

	@Test
	void acceptsARequestUsingEveryFieldTheDocumentDescribes() {
		VideoRequested request = aRequest().duration(15)
			.resolution("720p")
			.aspectRatio("4:3")
			.seed(7L)
			.generateAudio(false)
			.image(IMAGE)
			.lastFrameImage("data:image/png;base64,iVBORw0KGgo=")
			.referenceVideos(List.of("https://example.com/a.mp4", "https://example.com/b.mp4",
					"s3://reelay-provider-tests/c.mp4"))
			.referenceAudios(List.of("https://example.com/a.mp3"))
			.providerOptions(Map.of("callback_url", "https://example.com/hook"))
			.build();
		assertThat(TchaviRequestRules.problems(request)).isEmpty();
	}

	@Test
	void takesBothModelsAndRefusesOthers() {
		assertThat(TchaviRequestRules.problems(aRequest().model("kling-v3").build())).isEmpty();
		assertThat(TchaviRequestRules.problems(aRequest().model("sora-2").build()))
			.containsExactly("model: 'sora-2' is not a tchavi model; it takes seedance-2 or kling-v3");
		assertThat(TchaviRequestRules.problems(aRequest().model(null).build()))
			.containsExactly("model: required by tchavi, one of seedance-2, kling-v3");
	}

	@Test
	void requiresAPrompt() {
		assertThat(TchaviRequestRules.problems(aRequest().prompt(" ").build()))
			.containsExactly("prompt: required by tchavi");
	}

	@Test
	void takesOneToFifteenSecondsOrAuto() {
		assertThat(TchaviRequestRules.problems(aRequest().duration(1).build())).isEmpty();
		assertThat(TchaviRequestRules.problems(aRequest().duration(-1).build())).isEmpty();
		assertThat(TchaviRequestRules.problems(aRequest().duration(0).build()))
			.containsExactly("duration: 0 seconds, tchavi takes 1 to 15 or -1 (auto, billed as 10 seconds)");
		assertThat(TchaviRequestRules.problems(aRequest().duration(16).build()))
			.containsExactly("duration: 16 seconds, tchavi takes 1 to 15 or -1 (auto, billed as 10 seconds)");
	}

	@Test
	void takesOnlyTheDocumentedResolutionsAndAspectRatios() {
		assertThat(TchaviRequestRules.problems(aRequest().resolution("480p").aspectRatio("adaptive").build()))
			.isEmpty();
		assertThat(TchaviRequestRules.problems(aRequest().resolution("1080p").aspectRatio("21:9").build()))
			.containsExactly("resolution: '1080p', tchavi takes 480p or 720p",
					"aspectRatio: '21:9', tchavi takes 16:9, 9:16, 1:1, 4:3, 3:4 or adaptive");
	}

	@Test
	void needsAFirstFrameForALastFrame() {
		assertThat(TchaviRequestRules.problems(aRequest().lastFrameImage(IMAGE).build()))
			.containsExactly("lastFrameImage: tchavi needs image (the first frame) with it");
	}

	@Test
	void takesAtMostNineReferenceImagesAndNeverWithAFirstFrame() {
		assertThat(TchaviRequestRules.problems(aRequest().referenceImages(images(9)).build())).isEmpty();
		assertThat(TchaviRequestRules.problems(aRequest().referenceImages(images(10)).build()))
			.containsExactly("referenceImages: 10 images, tchavi takes at most 9");
		assertThat(TchaviRequestRules.problems(aRequest().image(IMAGE).referenceImages(images(1)).build()))
			.containsExactly("referenceImages: tchavi takes either image (first frame) or referenceImages, not both");
	}

	@Test
	void takesAtMostThreeReferenceVideos() {
		assertThat(TchaviRequestRules
			.problems(aRequest().referenceVideos(Collections.nCopies(4, "https://example.com/v.mp4")).build()))
			.containsExactly("referenceVideos: 4 videos, tchavi takes at most 3 (together at most 15 seconds)");
	}

	@Test
	void takesAtMostThreeReferenceAudiosAndOnlyWithAnImage() {
		List<String> audios = Collections.nCopies(4, "https://example.com/a.mp3");
		assertThat(TchaviRequestRules.problems(aRequest().image(IMAGE).referenceAudios(audios).build()))
			.containsExactly("referenceAudios: 4 audios, tchavi takes at most 3");
		assertThat(TchaviRequestRules.problems(aRequest().referenceAudios(audios.subList(0, 1)).build()))
			.containsExactly("referenceAudios: tchavi needs image or referenceImages with them");
		assertThat(TchaviRequestRules
			.problems(aRequest().referenceImages(images(1)).referenceAudios(audios.subList(0, 1)).build())).isEmpty();
	}

	@Test
	void refusesFieldsTchaviHasNoParameterFor() {
		VideoRequested request = aRequest().fps(24).negativePrompt("blur").enhancePrompt(true).build();
		assertThat(TchaviRequestRules.problems(request)).containsExactly(
				"fps: not supported by tchavi (it chooses the frame rate); leave it out",
				"negativePrompt: not supported by tchavi; say what to avoid in the prompt instead",
				"enhancePrompt: not supported by tchavi (it has no prompt rewriting switch); leave it out");
	}

	@Test
	void refusesProviderOptionsThatDuplicateARequestField() {
		VideoRequested request = aRequest().providerOptions(Map.of("aspect_ratio", "1:1")).build();
		assertThat(TchaviRequestRules.problems(request))
			.containsExactly("providerOptions.aspect_ratio: set it as the request field 'aspectRatio' instead");
		assertThat(TchaviRequestRules.problems(aRequest().providerOptions(Map.of("image_url", IMAGE)).build()))
			.containsExactly("providerOptions.image_url: set it as the request field 'image' instead");
	}

	private static VideoRequested.Builder aRequest() {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(TchaviProvider.NAME)
			.model("seedance-2")
			.prompt("A cinematic shot of the Cotonou Amazone statue at golden hour");
	}

	private static List<String> images(int count) {
		return Collections.nCopies(count, IMAGE);
	}

}
