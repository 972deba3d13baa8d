package io.reelay.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes in Kafka headers (the Kafka protocol binding, binary content
 * mode): the record value stays the plain JSON event, the attributes travel beside it.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	/**
	 * The binding maps {@code datacontenttype} to the plain {@code content-type} header.
	 */
	public static final String CONTENT_TYPE = "content-type";

	private CloudEventHeaders() {
	}

	public static void write(Headers headers, String id, String source, String type, Instant time, String subject) {
		put(headers, SPEC_VERSION, "1.0");
		put(headers, ID, id);
		put(headers, SOURCE, source);
		put(headers, TYPE, type);
		put(headers, TIME, time.toString());
		if (subject != null) {
			put(headers, SUBJECT, subject);
		}
		put(headers, CONTENT_TYPE, "application/json");
	}

	/** Every {@code ce_} attribute of a record, by header name. */
	public static Map<String, String> read(Headers headers) {
		Map<String, String> attributes = new TreeMap<>();
		for (Header header : headers) {
			if (header.key().startsWith("ce_") || header.key().equals(CONTENT_TYPE)) {
				attributes.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return attributes;
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
