package io.reelay.cli.submit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.reelay.event.VideoRequested;
import picocli.CommandLine.Option;

/**
 * The fields of a {@link VideoRequested} as options. Each one given replaces the same
 * field of a {@code --file} request; one not given leaves it as it is.
 */
final class RequestFlags {

	@Option(names = "--request-id", paramLabel = "ID",
			description = "Your id for the request: 1 to 128 letters, digits, '.', '_' or '-' (default: the file's, "
					+ "or a new UUID).")
	String requestId;

	@Option(names = "--provider", paramLabel = "NAME",
			description = "The provider API: generic, minimax, aimlapi, tchavi or openai.")
	String provider;

	@Option(names = "--model", paramLabel = "MODEL", description = "The provider's model id, e.g. sim-video-1.")
	String model;

	@Option(names = "--prompt", paramLabel = "TEXT", description = "What to generate.")
	String prompt;

	@Option(names = "--duration", paramLabel = "SECONDS", description = "Seconds of video.")
	Integer duration;

	@Option(names = { "--resolution", "--size" }, paramLabel = "RES", description = "e.g. 480p, 720p, 1080p.")
	String resolution;

	@Option(names = "--fps", paramLabel = "N", description = "Frames per second.")
	Integer fps;

	@Option(names = "--aspect-ratio", paramLabel = "W:H", description = "e.g. 16:9, 9:16.")
	String aspectRatio;

	@Option(names = "--seed", paramLabel = "N", description = "For providers that take one.")
	Long seed;

	@Option(names = "--negative-prompt", paramLabel = "TEXT", description = "For providers that take one.")
	String negativePrompt;

	@Option(names = "--image", paramLabel = "REF",
			description = "The first frame (makes the request image-to-video): an http(s) URL, a data: URL, an "
					+ "s3://bucket/key of Reelay's bucket, or a local file, sent inline.")
	String image;

	@Option(names = "--last-frame-image", paramLabel = "REF",
			description = "The frame to end on (needs --image); the same forms as --image.")
	String lastFrameImage;

	@Option(names = "--reference-image", paramLabel = "REF",
			description = "An image the prompt refers to; repeatable; the same forms as --image.")
	List<String> referenceImages;

	@Option(names = "--reference-video", paramLabel = "REF", description = "A reference video; repeatable.")
	List<String> referenceVideos;

	@Option(names = "--reference-audio", paramLabel = "REF", description = "A reference audio; repeatable.")
	List<String> referenceAudios;

	@Option(names = "--generate-audio", negatable = true,
			description = "Ask for a soundtrack (--no-generate-audio: ask for none), where the provider lets you "
					+ "choose.")
	Boolean generateAudio;

	@Option(names = "--enhance-prompt", negatable = true,
			description = "Let the provider rewrite the prompt (--no-enhance-prompt: do not).")
	Boolean enhancePrompt;

	@Option(names = "--provider-option", paramLabel = "KEY=VALUE",
			description = "A provider-only field, passed to its API as it is; a VALUE that is JSON (a number, "
					+ "true, {...}) is sent as such, any other as text; repeatable.")
	Map<String, String> providerOptions;

	@Option(names = "--deadline", paramLabel = "WHEN",
			description = "When Reelay gives up: an instant (2026-11-21T10:30:00Z) or a time from now (30m, 2h) "
					+ "(default: the provider's, 30 minutes).")
	String deadline;

	@Option(names = "--metadata", paramLabel = "KEY=VALUE",
			description = "Your own data, copied into every event of the request; repeatable.")
	Map<String, String> metadata;

	/**
	 * Sets every field given as an option; a metadata or provider option is added to
	 * those the builder has.
	 */
	VideoRequested.Builder applyTo(VideoRequested.Builder request, VideoRequested base, RequestValues values) {
		set(this.requestId, request::requestId);
		set(this.provider, request::provider);
		set(this.model, request::model);
		set(this.prompt, request::prompt);
		set(this.duration, request::duration);
		set(this.resolution, request::resolution);
		set(this.fps, request::fps);
		set(this.aspectRatio, request::aspectRatio);
		set(this.seed, request::seed);
		set(this.negativePrompt, request::negativePrompt);
		set(this.image, (ref) -> request.image(values.media(ref)));
		set(this.lastFrameImage, (ref) -> request.lastFrameImage(values.media(ref)));
		set(this.referenceImages, (refs) -> request.referenceImages(values.media(refs)));
		set(this.referenceVideos, (refs) -> request.referenceVideos(values.media(refs)));
		set(this.referenceAudios, (refs) -> request.referenceAudios(values.media(refs)));
		set(this.generateAudio, request::generateAudio);
		set(this.enhancePrompt, request::enhancePrompt);
		set(this.deadline, (when) -> request.deadline(values.instant("--deadline", when)));
		if (this.providerOptions != null) {
			Map<String, Object> options = new LinkedHashMap<>(base.providerOptions());
			this.providerOptions.forEach((key, value) -> options.put(key, values.json(value)));
			request.providerOptions(options);
		}
		if (this.metadata != null) {
			Map<String, String> merged = new LinkedHashMap<>(base.metadata());
			merged.putAll(this.metadata);
			request.metadata(merged);
		}
		return request;
	}

	private static <T> void set(T value, Consumer<T> field) {
		if (value != null) {
			field.accept(value);
		}
	}

}
