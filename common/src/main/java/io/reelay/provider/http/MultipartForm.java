package io.reelay.provider.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body (RFC 7578) built in memory: the only files sent this
 * way are reference images, a few megabytes at most.
 */
public final class MultipartForm {

	private final String boundary;

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();

	public MultipartForm() {
		byte[] random = new byte[12];
		ThreadLocalRandom.current().nextBytes(random);
		this.boundary = "reelay-" + HexFormat.of().formatHex(random);
	}

	public MultipartForm field(String name, String value) {
		part("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
		write(value.getBytes(StandardCharsets.UTF_8));
		write("\r\n");
		return this;
	}

	public MultipartForm file(String name, String filename, String mediaType, byte[] content) {
		part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename + "\"\r\n"
				+ "Content-Type: " + mediaType + "\r\n\r\n");
		write(content);
		write("\r\n");
		return this;
	}

	public String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	public byte[] bytes() {
		ByteArrayOutputStream complete = new ByteArrayOutputStream(this.body.size() + 64);
		complete.writeBytes(this.body.toByteArray());
		complete.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		return complete.toByteArray();
	}

	private void part(String headers) {
		write("--" + this.boundary + "\r\n" + headers);
	}

	private void write(String text) {
		write(text.getBytes(StandardCharsets.UTF_8));
	}

	private void write(byte[] bytes) {
		this.body.writeBytes(bytes);
	}

}
