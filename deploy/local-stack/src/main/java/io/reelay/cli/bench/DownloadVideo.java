package io.reelay.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.ReceivedRequest;
import io.reelay.simulator.SimulatedTask;
import io.reelay.simulator.SimulatorSettings;
import io.reelay.simulator.mp4.Mp4Generator;
import io.reelay.simulator.mp4.VideoSpec;

/**
 * One finished video of the benchmark: a task seeded without HTTP in a simulator of its
 * own (the simulator's video size is one per simulator), and the exact size and SHA-256
 * of the file it serves, drawn here from the simulator's generator, not from any copy.
 *
 * @param size the size asked for; the file is the shortest clip at least that long
 * @param bytes the file's exact length
 * @param sha256 lowercase hex SHA-256 of the file
 */
record DownloadVideo(DownloadSize size, ProviderSimulator simulator, SimulatedTask task, long bytes,
		String sha256) implements AutoCloseable {

	static final String PROVIDER = "generic";

	static final String MODEL = "sim-video-1";

	/** Starts a simulator serving one finished video of at least {@code size} bytes. */
	static DownloadVideo start(DownloadSize size) throws IOException {
		ProviderSimulator simulator = ProviderSimulator.start(
				new SimulatorSettings("127.0.0.1", 0, SimulatorSettings.DEFAULT_API_KEY, Duration.ZERO, size.bytes()));
		try {
			SimulatedTask task = simulator.tasks().seed(PROVIDER, MODEL, null, Duration.ZERO);
			// as the simulator draws a task's video (Simulation.videoSpec)
			VideoSpec spec = VideoSpec.ofAtLeast(size.bytes(), task.videoSeed());
			MessageDigest digest = newDigest();
			try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
				Mp4Generator.write(spec, out);
			}
			return new DownloadVideo(size, simulator, task, Mp4Generator.size(spec),
					HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException | RuntimeException ex) {
			simulator.close();
			throw ex;
		}
	}

	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	String label() {
		return this.size.label();
	}

	/** A freshly signed URL of the file: served without an API key. */
	URI url() {
		return this.simulator.videoUrlOf(this.task.id());
	}

	/**
	 * The newest request its simulator received for the file, or null: another one than
	 * before means a copy began fetching it.
	 */
	ReceivedRequest lastFileRequest() {
		String path = url().getPath();
		List<ReceivedRequest> received = this.simulator.received(PROVIDER);
		for (int i = received.size() - 1; i >= 0; i--) {
			if (received.get(i).path().equals(path)) {
				return received.get(i);
			}
		}
		return null;
	}

	/** {@code host:port} of its simulator, for the downloader's allowlist. */
	String hostAndPort() {
		URI root = this.simulator.baseUrl();
		return root.getHost() + ":" + root.getPort();
	}

	/**
	 * Says what is wrong when a copy does not hold exactly this file, or null when it
	 * does.
	 */
	String mismatch(String copy, long copiedBytes, String copiedSha256) {
		if (copiedBytes == this.bytes && this.sha256.equals(copiedSha256)) {
			return null;
		}
		return Text.format("%s holds %,d bytes with SHA-256 %s; the simulator's %s file has %,d bytes, SHA-256 %s",
				copy, copiedBytes, copiedSha256, label(), this.bytes, this.sha256);
	}

	@Override
	public void close() {
		this.simulator.close();
	}

}
