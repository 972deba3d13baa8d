package io.reelay.cli;

import java.util.Locale;

import io.reelay.event.Usage;

/** Usage as the demo prints it after a stored video, e.g. {@code  · 1300 credits}. */
public final class UsageText {

	private UsageText() {
	}

	public static String of(Usage usage) {
		if (usage == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		if (usage.credits() != null) {
			text.append(String.format(Locale.ROOT, "  · %,.0f credits", usage.credits()));
		}
		if (usage.costUsd() != null) {
			text.append(String.format(Locale.ROOT, "  · $%.2f", usage.costUsd()));
		}
		if (text.length() > 0 && usage.source() == Usage.Source.PRICE_LIST) {
			text.append(" (price list)");
		}
		return text.toString();
	}

}
