package io.reelay.provider.minimax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.MediaInputs;

/**
 * The body of {@code POST /v1/video_generation}. Images go as MiniMax takes them: web
 * URLs as they are, anything else inline as a {@code data:} URL.
 */
final class MinimaxRequestBody {

	private MinimaxRequestBody() {
	}

	static Map<String, Object> of(VideoRequested request, MediaAccess media) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("prompt", request.prompt());
		putIfPresent(body, "prompt_optimizer", request.enhancePrompt());
		putIfPresent(body, "duration", request.duration());
		putIfPresent(body, "resolution", MinimaxRequestRules.resolution(request.resolution()));
		if (request.image() != null) {
			body.put("first_frame_image", image("image", request.image(), media));
		}
		if (request.lastFrameImage() != null) {
			body.put("last_frame_image", image("lastFrameImage", request.lastFrameImage(), media));
		}
		if (!request.referenceImages().isEmpty()) {
			List<String> images = new ArrayList<>();
			for (int i = 0; i < request.referenceImages().size(); i++) {
				images.add(image("referenceImages[" + i + "]", request.referenceImages().get(i), media));
			}
			body.put("subject_reference", List.of(Map.of("type", "character", "image", images)));
		}
		// callback_url and fields MiniMax adds later
		request.providerOptions().forEach(body::putIfAbsent);
		return body;
	}

	private static String image(String field, String reference, MediaAccess media) {
		return MediaInputs.webUrlOrDataUrl(field, reference, media, MinimaxRequestRules.IMAGE_RULES);
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

}
