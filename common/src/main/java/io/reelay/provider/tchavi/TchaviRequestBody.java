package io.reelay.provider.tchavi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.MediaInputs;

/**
 * The body of {@code POST /v1/videos/generations}. tchavi fetches every image, video and
 * audio itself from an HTTP URL: files inline in the request or in Reelay's bucket go as
 * presigned URLs.
 */
final class TchaviRequestBody {

	private TchaviRequestBody() {
	}

	static Map<String, Object> of(VideoRequested request, MediaAccess media) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("prompt", request.prompt());
		putIfPresent(body, "duration", request.duration());
		putIfPresent(body, "resolution", request.resolution());
		putIfPresent(body, "aspect_ratio", request.aspectRatio());
		putIfPresent(body, "generate_audio", request.generateAudio());
		putIfPresent(body, "seed", request.seed());
		if (request.image() != null) {
			body.put("image_url", url(media, "image", request.image()));
		}
		if (request.lastFrameImage() != null) {
			body.put("last_frame_image_url", url(media, "lastFrameImage", request.lastFrameImage()));
		}
		putUrls(body, "reference_images", media, "referenceImages", request.referenceImages());
		putUrls(body, "reference_videos", media, "referenceVideos", request.referenceVideos());
		putUrls(body, "reference_audios", media, "referenceAudios", request.referenceAudios());
		request.providerOptions().forEach(body::putIfAbsent);
		return body;
	}

	private static void putUrls(Map<String, Object> body, String name, MediaAccess media, String field,
			List<String> references) {
		if (references.isEmpty()) {
			return;
		}
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < references.size(); i++) {
			urls.add(url(media, field + "[" + i + "]", references.get(i)));
		}
		body.put(name, urls);
	}

	private static String url(MediaAccess media, String field, String reference) {
		return media.url(MediaInputs.parse(field, reference)).toString();
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

}
