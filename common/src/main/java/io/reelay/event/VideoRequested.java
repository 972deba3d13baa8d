package io.reelay.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A backend asked for a video ({@code video.requests}). Only {@code requestId},
 * {@code provider} and {@code model} are needed by every provider; the provider decides
 * which of the optional fields it accepts, and refuses the ones it does not before any
 * money is spent. {@code metadata} is echoed into every later event.
 *
 * <p>
 * Images, videos and audios are references: an http(s) URL, a {@code data:} URL (small
 * files only, so that records stay well under Kafka's message limit) or an
 * {@code s3://bucket/key} URI of an object in Reelay's own bucket.
 *
 * @param duration seconds of video
 * @param image the first frame; makes the request image-to-video
 * @param lastFrameImage the frame the video should end on; needs {@code image}
 * @param referenceImages images the prompt refers to (subjects, styles)
 * @param generateAudio whether the provider should add a soundtrack, where it can choose
 * @param enhancePrompt whether the provider may rewrite the prompt (MiniMax
 * {@code prompt_optimizer}, AI/ML API {@code enhance_prompt})
 * @param providerOptions provider-only fields, passed to the provider's API as they are
 * @param deadline when Reelay gives up on the request; a per-provider default when absent
 */
public record VideoRequested(int schemaVersion, String requestId, String provider, String model, String prompt,
		Integer duration, String resolution, Integer fps, String aspectRatio, Long seed, String negativePrompt,
		String image, String lastFrameImage, List<String> referenceImages, List<String> referenceVideos,
		List<String> referenceAudios, Boolean generateAudio, Boolean enhancePrompt, Map<String, Object> providerOptions,
		Instant deadline, Map<String, String> metadata, Instant requestedAt) implements PipelineEvent {

	public VideoRequested {
		schemaVersion = EventDefaults.schemaVersion(schemaVersion);
		referenceImages = EventDefaults.copy(referenceImages);
		referenceVideos = EventDefaults.copy(referenceVideos);
		referenceAudios = EventDefaults.copy(referenceAudios);
		providerOptions = EventDefaults.copy(providerOptions);
		metadata = EventDefaults.copy(metadata);
	}

	@Override
	public EventType type() {
		return EventType.REQUESTED;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding this request's fields, to change some of them. */
	public Builder toBuilder() {
		return new Builder().requestId(this.requestId)
			.provider(this.provider)
			.model(this.model)
			.prompt(this.prompt)
			.duration(this.duration)
			.resolution(this.resolution)
			.fps(this.fps)
			.aspectRatio(this.aspectRatio)
			.seed(this.seed)
			.negativePrompt(this.negativePrompt)
			.image(this.image)
			.lastFrameImage(this.lastFrameImage)
			.referenceImages(this.referenceImages)
			.referenceVideos(this.referenceVideos)
			.referenceAudios(this.referenceAudios)
			.generateAudio(this.generateAudio)
			.enhancePrompt(this.enhancePrompt)
			.providerOptions(this.providerOptions)
			.deadline(this.deadline)
			.metadata(this.metadata)
			.requestedAt(this.requestedAt);
	}

	public VideoRequested withRequestedAt(Instant requestedAt) {
		return toBuilder().requestedAt(requestedAt).build();
	}

	public VideoRequested withRequestId(String requestId) {
		return toBuilder().requestId(requestId).build();
	}

	/** Builds a request field by field; the schema version is the current one. */
	public static final class Builder {

		private String requestId;

		private String provider;

		private String model;

		private String prompt;

		private Integer duration;

		private String resolution;

		private Integer fps;

		private String aspectRatio;

		private Long seed;

		private String negativePrompt;

		private String image;

		private String lastFrameImage;

		private List<String> referenceImages;

		private List<String> referenceVideos;

		private List<String> referenceAudios;

		private Boolean generateAudio;

		private Boolean enhancePrompt;

		private Map<String, Object> providerOptions;

		private Instant deadline;

		private Map<String, String> metadata;

		private Instant requestedAt;

		private Builder() {
		}

		public Builder requestId(String requestId) {
			this.requestId = requestId;
			return this;
		}

		public Builder provider(String provider) {
			this.provider = provider;
			return this;
		}

		public Builder model(String model) {
			this.model = model;
			return this;
		}

		public Builder prompt(String prompt) {
			this.prompt = prompt;
			return this;
		}

		public Builder duration(Integer duration) {
			this.duration = duration;
			return this;
		}

		public Builder resolution(String resolution) {
			this.resolution = resolution;
			return this;
		}

		public Builder fps(Integer fps) {
			this.fps = fps;
			return this;
		}

		public Builder aspectRatio(String aspectRatio) {
			this.aspectRatio = aspectRatio;
			return this;
		}

		public Builder seed(Long seed) {
			this.seed = seed;
			return this;
		}

		public Builder negativePrompt(String negativePrompt) {
			this.negativePrompt = negativePrompt;
			return this;
		}

		public Builder image(String image) {
			this.image = image;
			return this;
		}

		public Builder lastFrameImage(String lastFrameImage) {
			this.lastFrameImage = lastFrameImage;
			return this;
		}

		public Builder referenceImages(List<String> referenceImages) {
			this.referenceImages = referenceImages;
			return this;
		}

		public Builder referenceVideos(List<String> referenceVideos) {
			this.referenceVideos = referenceVideos;
			return this;
		}

		public Builder referenceAudios(List<String> referenceAudios) {
			this.referenceAudios = referenceAudios;
			return this;
		}

		public Builder generateAudio(Boolean generateAudio) {
			this.generateAudio = generateAudio;
			return this;
		}

		public Builder enhancePrompt(Boolean enhancePrompt) {
			this.enhancePrompt = enhancePrompt;
			return this;
		}

		public Builder providerOptions(Map<String, Object> providerOptions) {
			this.providerOptions = providerOptions;
			return this;
		}

		public Builder deadline(Instant deadline) {
			this.deadline = deadline;
			return this;
		}

		public Builder metadata(Map<String, String> metadata) {
			this.metadata = metadata;
			return this;
		}

		public Builder requestedAt(Instant requestedAt) {
			this.requestedAt = requestedAt;
			return this;
		}

		public VideoRequested build() {
			return new VideoRequested(PipelineEvent.CURRENT_SCHEMA_VERSION, this.requestId, this.provider, this.model,
					this.prompt, this.duration, this.resolution, this.fps, this.aspectRatio, this.seed,
					this.negativePrompt, this.image, this.lastFrameImage, this.referenceImages, this.referenceVideos,
					this.referenceAudios, this.generateAudio, this.enhancePrompt, this.providerOptions, this.deadline,
					this.metadata, this.requestedAt);
		}

	}

}
