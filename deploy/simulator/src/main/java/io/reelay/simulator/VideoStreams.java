package io.reelay.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.sun.net.httpserver.HttpExchange;
import io.reelay.simulator.mp4.Mp4Generator;
import io.reelay.simulator.mp4.VideoSpec;

/**
 * Sends a finished task's video: whole or a byte range, and cut short when a
 * {@code TRUNCATE} fault struck. A strong {@code ETag} and {@code Last-Modified} let a
 * client resume with {@code If-Range}, as storage services allow; an {@code If-Range}
 * that names another version gets the whole file, as RFC 9110 says.
 */
public final class VideoStreams {

	private VideoStreams() {
	}

	public static void send(ApiCall call, SimulatedTask task) throws IOException {
		HttpExchange exchange = call.exchange();
		VideoSpec spec = call.simulation().videoSpec(task);
		long size = Mp4Generator.size(spec);
		String etag = "\"" + task.id() + "-" + size + "\"";
		String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(task.finishedAt().atZone(ZoneOffset.UTC));
		call.setHeader("Accept-Ranges", "bytes");
		call.setHeader("ETag", etag);
		call.setHeader("Last-Modified", lastModified);
		String ifRange = call.header("If-Range").orElse(null);
		boolean sameVersion = ifRange == null || ifRange.equals(etag) || ifRange.equals(lastModified);
		ByteRange range = sameVersion ? ByteRange.parse(call.header("Range").orElse(null), size) : null;
		if (range != null && !range.satisfiable(size)) {
			call.setHeader("Content-Range", "bytes */" + size);
			call.sendBytes(416, "text/plain", "range not satisfiable".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if ("HEAD".equals(call.method())) {
			call.setHeader("Content-Type", "video/mp4");
			call.setHeader("Content-Length", Long.toString(size));
			exchange.sendResponseHeaders(200, -1);
			return;
		}
		call.simulation().tasks().countDownload(task.id());
		if (task.scenario() == Scenario.NOT_MP4) {
			call.sendBytes(200, "text/html",
					"<html><body>Your video is being prepared</body></html>".getBytes(StandardCharsets.UTF_8));
			return;
		}
		int status = (range != null) ? 206 : 200;
		if (range != null) {
			call.setHeader("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + size);
		}
		else {
			range = ByteRange.whole(size);
		}
		long announced = range.length();
		long sent = call.truncating() ? announced / 2 : announced;
		call.setHeader("Content-Type", "video/mp4");
		exchange.sendResponseHeaders(status, announced);
		OutputStream body = exchange.getResponseBody();
		try {
			Mp4Generator.write(spec, new SliceOutputStream(body, range.first(), sent));
		}
		catch (SliceOutputStream.Full complete) {
			// the slice went out; the rest of the file is not needed
		}
		if (sent < announced) {
			body.flush();
			// Closing the exchange with bytes still owed makes the server drop the
			// connection, so the client sees the body end early.
			exchange.close();
			return;
		}
		body.close();
	}

}
