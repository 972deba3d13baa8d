package io.reelay.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.reelay.simulator.mp4.Mp4Generator;
import io.reelay.simulator.mp4.VideoSpec;

/**
 * Serves finished videos, the way providers' temporary file URLs do: no credentials
 * needed, {@code 404} until the job has finished.
 */
final class VideoFiles implements HttpHandler {

	static final String PATH = "/v1/temp-images/";

	private final TaskBook tasks;

	private final long videoBytes;

	VideoFiles(TaskBook tasks, long videoBytes) {
		this.tasks = tasks;
		this.videoBytes = videoBytes;
	}

	static String urlPath(SimulatedTask task) {
		return PATH + task.id() + ".mp4";
	}

	VideoSpec specOf(SimulatedTask task) {
		return (this.videoBytes > 0) ? VideoSpec.ofAtLeast(this.videoBytes, task.videoSeed())
				: VideoSpec.small(task.videoSeed());
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String name = Exchanges.pathBelow(exchange, PATH);
			Optional<SimulatedTask> task = this.tasks.find(name.replaceFirst("\\.mp4$", ""))
				.filter((found) -> found.stateAt(this.tasks.clock().instant()) == SimulatedTask.State.SUCCEEDED);
			if (!"GET".equals(exchange.getRequestMethod()) || task.isEmpty()) {
				Exchanges.sendBytes(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
				return;
			}
			this.tasks.countDownload(task.get().id());
			if (task.get().scenario() == Scenario.NOT_MP4) {
				Exchanges.sendBytes(exchange, 200, "text/html",
						"<html><body>Your video is being prepared</body></html>".getBytes(StandardCharsets.UTF_8));
				return;
			}
			VideoSpec spec = specOf(task.get());
			exchange.getResponseHeaders().set("Content-Type", "video/mp4");
			exchange.sendResponseHeaders(200, Mp4Generator.size(spec));
			try (OutputStream out = exchange.getResponseBody()) {
				Mp4Generator.write(spec, out);
			}
		}
	}

}
