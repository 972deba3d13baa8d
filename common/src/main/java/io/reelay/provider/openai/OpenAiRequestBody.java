package io.reelay.provider.openai;

import java.util.LinkedHashMap;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaReference;
import io.reelay.provider.http.MultipartForm;
import tools.jackson.databind.json.JsonMapper;

/**
 * The create call's body: JSON without an image, {@code multipart/form-data} with one.
 * Durations are strings ({@code "8"}): the gateway refuses numbers. Only fields the
 * request sets are sent, so the API's defaults apply to the rest.
 */
final class OpenAiRequestBody {

	private OpenAiRequestBody() {
	}

	/**
	 * Veo (APIYI's documented text-to-video body): {@code duration}, {@code size} and a
	 * {@code metadata} object with resolution, aspect ratio, seed and negative prompt.
	 * Sora (OpenAI's body): {@code seconds} and {@code size}.
	 */
	static Map<String, Object> json(VideoRequested request, OpenAiModel model) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("prompt", request.prompt());
		if (request.duration() != null) {
			body.put((model.dialect() == OpenAiModel.Dialect.VEO) ? "duration" : "seconds",
					String.valueOf(request.duration()));
		}
		putIfPresent(body, "size", size(request));
		if (model.dialect() == OpenAiModel.Dialect.VEO) {
			Map<String, Object> metadata = new LinkedHashMap<>();
			putIfPresent(metadata, "resolution", request.resolution());
			putIfPresent(metadata, "aspectRatio", request.aspectRatio());
			putIfPresent(metadata, "seed", request.seed());
			putIfPresent(metadata, "negativePrompt", request.negativePrompt());
			if (!metadata.isEmpty()) {
				body.put("metadata", metadata);
			}
		}
		request.providerOptions().forEach(body::putIfAbsent);
		return body;
	}

	/**
	 * The image-to-video form, as OpenAI defines it: {@code model}, {@code prompt},
	 * {@code seconds}, {@code size} and one {@code input_reference} file. Resolution and
	 * aspect ratio travel in {@code size}; there is no metadata part (seed and negative
	 * prompt are refused with an image). For Veo the length also goes as
	 * {@code duration}: APIYI's image-to-video page first named the form field
	 * {@code duration}, now {@code seconds} (ignoring {@code duration}); the same value
	 * in both suits either version.
	 */
	static MultipartForm form(VideoRequested request, OpenAiModel model, MediaReference.Inline image, JsonMapper json) {
		MultipartForm form = new MultipartForm().field("model", request.model()).field("prompt", request.prompt());
		if (request.duration() != null) {
			form.field("seconds", String.valueOf(request.duration()));
			if (model.dialect() == OpenAiModel.Dialect.VEO) {
				form.field("duration", String.valueOf(request.duration()));
			}
		}
		String size = size(request);
		if (size != null) {
			form.field("size", size);
		}
		request.providerOptions().forEach((name, value) -> form.field(name, formValue(value, json)));
		String mediaType = image.mediaType().equals("image/jpg") ? "image/jpeg" : image.mediaType();
		return form.file("input_reference", "first-frame" + extension(mediaType), mediaType, image.bytes());
	}

	/**
	 * Pixels for a resolution and aspect ratio, e.g. {@code 720x1280} for 720p 9:16; null
	 * when the request sets neither, so that the API's default applies.
	 */
	static String size(VideoRequested request) {
		if (request.resolution() == null && request.aspectRatio() == null) {
			return null;
		}
		String resolution = (request.resolution() != null) ? request.resolution() : "720p";
		int[] landscape = switch (resolution) {
			case "1080p" -> new int[] { 1920, 1080 };
			case "4k" -> new int[] { 3840, 2160 };
			case "1024p" -> new int[] { 1792, 1024 };
			default -> new int[] { 1280, 720 };
		};
		boolean portrait = "9:16".equals(request.aspectRatio());
		return portrait ? landscape[1] + "x" + landscape[0] : landscape[0] + "x" + landscape[1];
	}

	private static String formValue(Object value, JsonMapper json) {
		return (value instanceof String || value instanceof Number || value instanceof Boolean) ? value.toString()
				: json.writeValueAsString(value);
	}

	private static String extension(String mediaType) {
		return switch (mediaType) {
			case "image/jpeg" -> ".jpg";
			case "image/webp" -> ".webp";
			default -> ".png";
		};
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

}
