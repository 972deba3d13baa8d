package io.reelay.provider.minimax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.reelay.media.ImageFacts;
import io.reelay.media.MediaReference;

/**
 * MiniMax's rules for the images it is sent: JPG or PNG, aspect ratio between 2:5 and
 * 5:2, short side over 300 pixels, at most 20 MB. Checked wherever Reelay holds the
 * bytes; web URLs are MiniMax's to check.
 */
final class MinimaxImageRules {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	static final int MIN_SHORT_SIDE_EXCLUSIVE = 300;

	private static final double MIN_RATIO = 2.0 / 5.0;

	private static final double MAX_RATIO = 5.0 / 2.0;

	private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png");

	private MinimaxImageRules() {
	}

	/** One line per problem, each starting with {@code field}. */
	static List<String> problems(String field, MediaReference.Inline image) {
		List<String> problems = new ArrayList<>();
		if (image.bytes().length > MAX_BYTES) {
			problems.add(field + ": " + image.bytes().length + " bytes, MiniMax takes images of at most 20 MB");
		}
		Optional<ImageFacts> read = ImageFacts.of(image.bytes());
		if (read.isEmpty() || !FORMATS.contains(read.get().format())) {
			problems.add(field + ": " + read.map(ImageFacts::format).orElse("not a readable image")
					+ ", MiniMax takes JPG or PNG images");
			return problems;
		}
		ImageFacts facts = read.get();
		// the documents say "greater than 2:5 and less than 5:2"
		if (facts.aspectRatio() <= MIN_RATIO || facts.aspectRatio() >= MAX_RATIO) {
			problems.add(field + ": " + facts.width() + "x" + facts.height()
					+ " is too narrow or too wide, MiniMax takes aspect ratios between 2:5 and 5:2");
		}
		if (facts.shortSide() <= MIN_SHORT_SIDE_EXCLUSIVE) {
			problems.add(field + ": " + facts.width() + "x" + facts.height() + " is too small, its short side must be"
					+ " more than " + MIN_SHORT_SIDE_EXCLUSIVE + " pixels");
		}
		return problems;
	}

}
