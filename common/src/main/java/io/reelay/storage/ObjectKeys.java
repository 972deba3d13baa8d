package io.reelay.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * Object keys from a template, so that the same request always maps to the same key (the
 * downloader's idempotence depends on it). Placeholders: {@code {requestId}},
 * {@code {provider}}, and {@code {yyyy}}, {@code {MM}}, {@code {dd}} from the time the
 * request was made (UTC).
 */
public final class ObjectKeys {

	public static final String DEFAULT_TEMPLATE = "videos/{yyyy}/{MM}/{dd}/{requestId}.mp4";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private final String template;

	public ObjectKeys(String template) {
		if (!template.contains("{requestId}")) {
			throw new IllegalArgumentException(
					"reelay.storage.key-template must contain {requestId} so every request has its own key: "
							+ template);
		}
		PLACEHOLDER.matcher(template).results().map((match) -> match.group(1)).forEach((name) -> {
			if (!name.equals("requestId") && !name.equals("provider") && !name.equals("yyyy") && !name.equals("MM")
					&& !name.equals("dd")) {
				throw new IllegalArgumentException("reelay.storage.key-template has an unknown placeholder {" + name
						+ "}; use {requestId}, {provider}, {yyyy}, {MM}, {dd}");
			}
		});
		this.template = template;
	}

	public String keyFor(String requestId, String provider, Instant requestedAt) {
		ZonedDateTime day = requestedAt.atZone(ZoneOffset.UTC);
		return this.template.replace("{requestId}", requestId)
			.replace("{provider}", provider)
			.replace("{yyyy}", String.format("%04d", day.getYear()))
			.replace("{MM}", String.format("%02d", day.getMonthValue()))
			.replace("{dd}", String.format("%02d", day.getDayOfMonth()));
	}

}
