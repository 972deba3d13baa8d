package io.reelay.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider accepts as an image, checked from the image's header wherever Reelay
 * holds the bytes (web URLs are the provider's to check).
 *
 * @param taker who takes the images, for messages, e.g. {@code MiniMax}
 * @param minRatio exclusive lower bound of width divided by height
 * @param maxRatio exclusive upper bound of width divided by height
 * @param minShortSide exclusive lower bound of the short side, in pixels
 */
public record ImageRules(String taker, long maxBytes, double minRatio, double maxRatio, int minShortSide) {

	private static final Set<String> JPG_OR_PNG = Set.of("jpeg", "jpg", "png");

	/**
	 * The frame rules of MiniMax's Hailuo models, which the AI/ML API's {@code video-01}
	 * is too: JPG or PNG, aspect ratio greater than 2:5 and less than 5:2, short side
	 * over 300 pixels, at most 20 MB.
	 */
	public static ImageRules hailuoFrames(String taker) {
		return new ImageRules(taker, 20L * 1024 * 1024, 2.0 / 5.0, 5.0 / 2.0, 300);
	}

	/** One line per problem, each starting with {@code field}. */
	public List<String> problems(String field, MediaReference.Inline image) {
		List<String> problems = new ArrayList<>();
		if (image.bytes().length > this.maxBytes) {
			problems.add(field + ": " + image.bytes().length + " bytes, " + this.taker + " takes images of at most "
					+ this.maxBytes / (1024 * 1024) + " MB");
		}
		Optional<ImageFacts> read = ImageFacts.of(image.bytes());
		if (read.isEmpty() || !JPG_OR_PNG.contains(read.get().format())) {
			problems.add(field + ": " + read.map(ImageFacts::format).orElse("not a readable image") + ", " + this.taker
					+ " takes JPG or PNG images");
			return problems;
		}
		ImageFacts facts = read.get();
		if (facts.aspectRatio() <= this.minRatio || facts.aspectRatio() >= this.maxRatio) {
			problems.add(field + ": " + facts.width() + "x" + facts.height() + " is too narrow or too wide, "
					+ this.taker + " takes aspect ratios between 2:5 and 5:2");
		}
		if (facts.shortSide() <= this.minShortSide) {
			problems.add(field + ": " + facts.width() + "x" + facts.height()
					+ " is too small, its short side must be more than " + this.minShortSide + " pixels");
		}
		return problems;
	}

}
