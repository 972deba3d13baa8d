package io.reelay.provider.aimlapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.reelay.media.ImageFacts;
import io.reelay.media.MediaReference;

/**
 * The first-frame rules of {@code image_url}: JPG or PNG, aspect ratio greater than 2:5
 * and less than 5:2, short side over 300 pixels, at most 20 MB. Checked wherever Reelay
 * holds the bytes; web URLs are AI/ML API's to check.
 */
final class AimlapiImageRules {

	static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png");

	private AimlapiImageRules() {
	}

	static List<String> problems(String field, MediaReference.Inline image) {
		List<String> problems = new ArrayList<>();
		if (image.bytes().length > MAX_BYTES) {
			problems.add(field + ": " + image.bytes().length + " bytes, video-01 takes images of at most 20 MB");
		}
		Optional<ImageFacts> read = ImageFacts.of(image.bytes());
		if (read.isEmpty() || !FORMATS.contains(read.get().format())) {
			problems.add(field + ": " + read.map(ImageFacts::format).orElse("not a readable image")
					+ ", video-01 takes JPG or PNG images");
			return problems;
		}
		ImageFacts facts = read.get();
		if (facts.aspectRatio() <= 2.0 / 5.0 || facts.aspectRatio() >= 5.0 / 2.0) {
			problems.add(field + ": " + facts.width() + "x" + facts.height()
					+ " is too narrow or too wide, video-01 takes aspect ratios between 2:5 and 5:2");
		}
		if (facts.shortSide() <= 300) {
			problems.add(field + ": " + facts.width() + "x" + facts.height()
					+ " is too small, its short side must be more than 300 pixels");
		}
		return problems;
	}

}
