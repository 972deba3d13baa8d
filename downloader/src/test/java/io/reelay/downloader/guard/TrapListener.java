package io.reelay.downloader.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 that nothing should ever reach: hostile URLs point at it, and
 * {@link #connections()} says who connected anyway.
 */
public final class TrapListener implements AutoCloseable {

	private static final long PROBE_WAIT_MILLIS = 10_000;

	private final ServerSocket server;

	private final List<InetSocketAddress> accepted = new ArrayList<>();

	private TrapListener() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		Thread acceptor = new Thread(this::acceptAll, "trap-listener-" + port());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A trap listening on a free port of 127.0.0.1. */
	public static TrapListener start() throws IOException {
		return new TrapListener();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/**
	 * Every connection accepted so far. A connection the kernel completed may still wait
	 * in the accept queue, so this first connects a probe and waits until the trap
	 * accepted it: the queue is first in, first out, so everything before it is counted.
	 */
	public List<InetSocketAddress> connections() {
		try (Socket probe = new Socket(this.server.getInetAddress(), port())) {
			int probePort = probe.getLocalPort();
			synchronized (this.accepted) {
				long deadline = System.currentTimeMillis() + PROBE_WAIT_MILLIS;
				while (lastFrom(probePort) < 0) {
					long left = deadline - System.currentTimeMillis();
					if (left <= 0) {
						throw new IllegalStateException("the trap did not accept its own probe");
					}
					this.accepted.wait(left);
				}
				this.accepted.remove(lastFrom(probePort));
				return List.copyOf(this.accepted);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** How many connections were accepted so far; see {@link #connections()}. */
	public int accepted() {
		return connections().size();
	}

	private int lastFrom(int port) {
		for (int i = this.accepted.size() - 1; i >= 0; i--) {
			if (this.accepted.get(i).getPort() == port) {
				return i;
			}
		}
		return -1;
	}

	private void acceptAll() {
		while (!this.server.isClosed()) {
			try (Socket socket = this.server.accept()) {
				synchronized (this.accepted) {
					this.accepted.add((InetSocketAddress) socket.getRemoteSocketAddress());
					this.accepted.notifyAll();
				}
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
