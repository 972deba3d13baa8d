package io.reelay.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

/**
 * How the storage behind the video URLs says no: S3-style XML, like the object stores the
 * providers' signed links point at.
 */
final class FileErrors implements ErrorAnswers {

	@Override
	public void unauthorized(ApiCall call) throws IOException {
		send(call, 403, "AccessDenied", "Access Denied", "");
	}

	@Override
	public void rateLimited(ApiCall call, int status) throws IOException {
		send(call, (status != 0) ? status : 429, "SlowDown", "Please reduce your request rate.", "");
	}

	@Override
	public void serverError(ApiCall call, int status) throws IOException {
		if (status == 503) {
			send(call, status, "ServiceUnavailable", "Please reduce your request rate.", "");
		}
		else {
			send(call, status, "InternalError", "We encountered an internal error. Please try again.", "");
		}
	}

	@Override
	public void noCredits(ApiCall call) throws IOException {
		unauthorized(call);
	}

	@Override
	public void contentRejected(ApiCall call) throws IOException {
		unauthorized(call);
	}

	static void expired(ApiCall call, Instant expiredAt) throws IOException {
		send(call, 403, "AccessDenied", "Request has expired",
				"<Expires>" + expiredAt + "</Expires><ServerTime>" + call.simulation().now() + "</ServerTime>");
	}

	static void send(ApiCall call, int status, String code, String message, String details) throws IOException {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
				+ "</Message>" + details + "<RequestId>" + Ids.hex("", 8).toUpperCase(Locale.ROOT)
				+ "</RequestId></Error>";
		call.sendBytes(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
	}

}
