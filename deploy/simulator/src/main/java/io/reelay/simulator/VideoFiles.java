package io.reelay.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.reelay.simulator.fault.Operation;

/**
 * Serves finished videos the way providers' signed storage links do: no API key, but a
 * signature and an expiry in the URL ({@code 403} when expired or tampered with),
 * {@code 404} until the job has finished, byte ranges on request.
 */
final class VideoFiles implements HttpHandler {

	private static final FileErrors ERRORS = new FileErrors();

	private final String provider;

	private final Simulation simulation;

	VideoFiles(String provider, Simulation simulation) {
		this.provider = provider;
		this.simulation = simulation;
	}

	/** Where a provider's files are served, e.g. {@code /minimax/files}. */
	static String basePathOf(String provider) {
		return "/" + provider + "/files";
	}

	static String pathOf(SimulatedTask task) {
		return basePathOf(task.provider()) + "/" + task.id() + ".mp4";
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			ApiCall call = ApiCall.read(exchange, this.provider, basePathOf(this.provider), ERRORS, this.simulation);
			if (!"GET".equals(call.method()) && !"HEAD".equals(call.method())) {
				FileErrors.send(call, 405, "MethodNotAllowed",
						"The specified method is not allowed against this resource.", "");
				return;
			}
			String name = call.path().replaceFirst("^/", "");
			String taskId = name.endsWith(".mp4") ? name.substring(0, name.length() - ".mp4".length()) : name;
			Optional<SimulatedTask> task = this.simulation.tasks().find(this.provider, taskId);
			if (!call.admitAbout(Operation.DOWNLOAD, task, taskId) || !signedAndFresh(call, taskId)) {
				return;
			}
			if (task.isEmpty() || task.get().stateAt(this.simulation.now()) != SimulatedTask.State.SUCCEEDED) {
				FileErrors.send(call, 404, "NoSuchKey", "The specified key does not exist.", "<Key>" + name + "</Key>");
				return;
			}
			VideoStreams.send(call, task.get());
		}
	}

	private boolean signedAndFresh(ApiCall call, String taskId) throws IOException {
		Optional<String> expires = call.query("expires");
		Optional<String> signature = call.query("signature");
		if (expires.isEmpty() || signature.isEmpty()) {
			FileErrors.send(call, 403, "AccessDenied",
					"Query-string authentication requires the signature and expires parameters", "");
			return false;
		}
		switch (this.simulation.urls()
			.check(this.provider, taskId, expires.get(), signature.get(), this.simulation.now())) {
			case FORGED -> FileErrors.send(call, 403, "SignatureDoesNotMatch",
					"The request signature we calculated does not match the signature you provided.", "");
			case EXPIRED -> FileErrors.expired(call, Instant.ofEpochSecond(Long.parseLong(expires.get())));
			case VALID -> {
				return true;
			}
		}
		return false;
	}

}
