package io.reelay.provider.openai;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.reelay.event.EventJson;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaReference;
import io.reelay.testing.Events;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** What the create call sends for each model, with and without an image; no I/O. */
class OpenAiRequestBodyTests {

	@Test
	void sendsVeoTheDocumentedBodyWithTheDurationAsAString() {
		VideoRequested request = aRequest("veo-3.1-fast-generate-preview").duration(8)
			.resolution("720p")
			.aspectRatio("16:9")
			.seed(20260521L)
			.negativePrompt("blurry, watermark")
			.build();
		Map<String, Object> body = OpenAiRequestBody.json(request, OpenAiModel.VEO_3_1_FAST);
		assertThat(body).containsExactly(entry("model", "veo-3.1-fast-generate-preview"),
				entry("prompt", request.prompt()), entry("duration", "8"), entry("size", "1280x720"),
				entry("metadata", Map.of("resolution", "720p", "aspectRatio", "16:9", "seed", 20260521L,
						"negativePrompt", "blurry, watermark")));
		assertThat(EventJson.mapper().writeValueAsString(body)).contains("\"duration\":\"8\"");
	}

	@Test
	void sendsSoraOpenAisOwnFieldsOnly() {
		VideoRequested request = aRequest("sora-2").duration(12).aspectRatio("9:16").build();
		assertThat(OpenAiRequestBody.json(request, OpenAiModel.SORA_2)).containsExactly(entry("model", "sora-2"),
				entry("prompt", request.prompt()), entry("seconds", "12"), entry("size", "720x1280"));
	}

	@Test
	void leavesOutWhatTheRequestDoesNotSetSoTheApiDefaultsApply() {
		VideoRequested request = aRequest("veo-3.1-generate-preview").build();
		assertThat(OpenAiRequestBody.json(request, OpenAiModel.VEO_3_1)).containsOnlyKeys("model", "prompt");
	}

	@Test
	void derivesThePixelSizeFromResolutionAndAspectRatio() {
		assertThat(OpenAiRequestBody.size(aRequest("m").resolution("1080p").build())).isEqualTo("1920x1080");
		assertThat(OpenAiRequestBody.size(aRequest("m").resolution("1080p").aspectRatio("9:16").build()))
			.isEqualTo("1080x1920");
		assertThat(OpenAiRequestBody.size(aRequest("m").resolution("4k").build())).isEqualTo("3840x2160");
		assertThat(OpenAiRequestBody.size(aRequest("m").resolution("4k").aspectRatio("9:16").build()))
			.isEqualTo("2160x3840");
		assertThat(OpenAiRequestBody.size(aRequest("m").resolution("1024p").aspectRatio("9:16").build()))
			.isEqualTo("1024x1792");
		assertThat(OpenAiRequestBody.size(aRequest("m").aspectRatio("9:16").build())).isEqualTo("720x1280");
		assertThat(OpenAiRequestBody.size(aRequest("m").build())).isNull();
	}

	@Test
	void sendsAnImageAsOneInputReferencePartBesideTextFields() {
		VideoRequested request = aRequest("veo-3.1-fast-generate-preview").duration(6)
			.resolution("720p")
			.aspectRatio("9:16")
			.providerOptions(Map.of("user", "team-a"))
			.build();
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };
		String form = new String(OpenAiRequestBody
			.form(request, OpenAiModel.VEO_3_1_FAST, new MediaReference.Inline("image/png", png), EventJson.mapper())
			.bytes(), StandardCharsets.ISO_8859_1);
		assertThat(form)
			.contains(part("model", "veo-3.1-fast-generate-preview"), part("seconds", "6"), part("duration", "6"),
					part("size", "720x1280"), part("user", "team-a"))
			.contains("name=\"input_reference\"; filename=\"first-frame.png\"\r\nContent-Type: image/png\r\n\r\n"
					+ new String(png, StandardCharsets.ISO_8859_1) + "\r\n")
			.doesNotContain("name=\"metadata\"");
	}

	@Test
	void sendsSoraTheFormOpenAiDefines() {
		VideoRequested request = aRequest("sora-2").duration(8).build();
		String form = new String(OpenAiRequestBody
			.form(request, OpenAiModel.SORA_2, new MediaReference.Inline("image/jpg", new byte[] { 1 }),
					EventJson.mapper())
			.bytes(), StandardCharsets.ISO_8859_1);
		assertThat(form).contains(part("seconds", "8"), "filename=\"first-frame.jpg\"\r\nContent-Type: image/jpeg\r\n")
			.doesNotContain("name=\"duration\"")
			.doesNotContain("name=\"size\"");
	}

	private static String part(String name, String value) {
		return "name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
	}

	private static VideoRequested.Builder aRequest(String model) {
		return VideoRequested.builder()
			.requestId(Events.newRequestId())
			.provider(OpenAiProvider.NAME)
			.model(model)
			.prompt("A coastal lighthouse at dusk");
	}

}
