package io.reelay.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Deque;
import java.util.LinkedList;

import org.springframework.util.FileSystemUtils;

/**
 * What the bench started, stopped in reverse order when it ends, or at once from a
 * shutdown hook when this JVM is stopped (Ctrl-C): child JVMs before the servers they
 * use, temporary files last.
 */
final class DownloadResources implements AutoCloseable {

	static final String STOPPED = "stopped before the end (Ctrl-C or a signal); what it started is stopped";

	private final Deque<AutoCloseable> started = new LinkedList<>();

	private final PrintWriter out;

	private volatile boolean closing;

	DownloadResources(PrintWriter out) {
		this.out = out;
	}

	/**
	 * Remembers something started, to stop it at the end; stops it at once, and throws,
	 * if stopping began meanwhile.
	 */
	<T extends AutoCloseable> T track(T resource) throws Exception {
		synchronized (this.started) {
			if (!this.closing) {
				this.started.push(resource);
				return resource;
			}
		}
		resource.close();
		throw new IllegalStateException(STOPPED);
	}

	/** A directory to delete at the end. */
	Path trackDirectory(Path directory) throws Exception {
		track(() -> deleteRecursively(directory));
		return directory;
	}

	/** Stops one thing started earlier, now. */
	void stop(AutoCloseable resource) throws Exception {
		synchronized (this.started) {
			this.started.remove(resource);
		}
		resource.close();
	}

	/** Whether stopping began. */
	boolean closing() {
		return this.closing;
	}

	@Override
	public void close() {
		synchronized (this.started) {
			this.closing = true;
		}
		while (true) {
			AutoCloseable next;
			synchronized (this.started) {
				next = this.started.poll();
			}
			if (next == null) {
				return;
			}
			try {
				next.close();
			}
			catch (Exception ex) {
				this.out.println("  while stopping: " + ex);
				this.out.flush();
			}
		}
	}

	static void deleteRecursively(Path directory) {
		try {
			FileSystemUtils.deleteRecursively(directory);
		}
		catch (IOException ex) {
			// a leftover temporary file is not worth failing the bench for
		}
	}

}
