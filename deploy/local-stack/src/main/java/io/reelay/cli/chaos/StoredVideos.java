package io.reelay.cli.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.reelay.event.VideoStored;
import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatedTask;
import io.reelay.storage.ObjectStore;

/**
 * Reads every stored video back from the bucket and compares it with what the simulator
 * served for the task its {@code video.stored} names, and that task with the request: a
 * video is bad when it is missing, holds other bytes than the simulator's file or than
 * its event says, or belongs to another request's task.
 */
final class StoredVideos {

	private final ProviderSimulator simulator;

	private final ObjectStore store;

	StoredVideos(ProviderSimulator simulator, ObjectStore store) {
		this.simulator = simulator;
		this.store = store;
	}

	/** What is wrong with each bad video, one line each; empty when all are good. */
	List<String> problems(List<TerminalRecord> terminal) {
		List<String> problems = new ArrayList<>();
		for (TerminalRecord record : terminal) {
			if (record.stored() != null) {
				problemWith(record.stored()).ifPresent((problem) -> problems
					.add(record.requestId() + ": " + problem + " (" + record.describe() + ")"));
			}
		}
		return problems;
	}

	private Optional<String> problemWith(VideoStored stored) {
		if (!this.store.bucket().equals(stored.bucket())) {
			return Optional.of("stored in bucket " + stored.bucket() + ", not " + this.store.bucket());
		}
		String actual;
		try (InputStream object = this.store.open(stored.key())) {
			actual = sha256(object);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.of("cannot read " + stored.key() + " back: " + ex.getMessage());
		}
		if (!actual.equals(stored.sha256())) {
			return Optional.of("the object's sha256 is " + actual + ", its event says " + stored.sha256());
		}
		SimulatedTask task = this.simulator.tasks().find(stored.providerTaskId()).orElse(null);
		if (task == null) {
			return Optional.of("the simulator has no task " + stored.providerTaskId());
		}
		String owner = ChaosRequests.requestIdIn(task.prompt()).orElse("no request");
		if (!owner.equals(stored.requestId())) {
			return Optional.of("task " + task.id() + " was created for " + owner);
		}
		String served = sha256Of(task);
		if (!served.equals(actual)) {
			return Optional.of("the object's sha256 is " + actual + ", the simulator served " + served + " for task "
					+ task.id() + otherJobHolding(actual, task));
		}
		return Optional.empty();
	}

	/**
	 * When a request paid for two jobs, its object may hold the other job's video while
	 * its event names this one: say so.
	 */
	private String otherJobHolding(String sha256, SimulatedTask named) {
		String owner = ChaosRequests.requestIdIn(named.prompt()).orElse(null);
		for (SimulatedTask task : this.simulator.tasks().all()) {
			if (!task.id().equals(named.id()) && owner != null && task.prompt().contains("[" + owner + "]")
					&& sha256Of(task).equals(sha256)) {
				return "; the object holds the video of task " + task.id() + ", another job of the same request";
			}
		}
		return "";
	}

	private String sha256Of(SimulatedTask task) {
		return HexFormat.of().formatHex(digest().digest(this.simulator.videoOf(task.id())));
	}

	private static String sha256(InputStream in) throws IOException {
		MessageDigest digest = digest();
		try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
			digesting.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
