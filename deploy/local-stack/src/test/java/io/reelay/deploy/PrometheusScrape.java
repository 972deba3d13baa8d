package io.reelay.deploy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series of Prometheus text exposition ({@code /actuator/prometheus}), each with the
 * names of the labels its samples carry; several scrapes add up.
 */
final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

	private final Map<String, Set<String>> labelsBySeries = new LinkedHashMap<>();

	void add(String exposition) {
		for (String line : exposition.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.find()) {
				continue;
			}
			Set<String> labels = this.labelsBySeries.computeIfAbsent(sample.group(1), (name) -> new LinkedHashSet<>());
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.add(label.group(1));
				}
			}
		}
	}

	boolean has(String series) {
		return this.labelsBySeries.containsKey(series);
	}

	Set<String> labelsOf(String series) {
		return this.labelsBySeries.getOrDefault(series, Set.of());
	}

	Set<String> series() {
		return this.labelsBySeries.keySet();
	}

}
