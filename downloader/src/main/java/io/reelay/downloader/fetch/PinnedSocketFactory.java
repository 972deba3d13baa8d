package io.reelay.downloader.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Set;

import javax.net.SocketFactory;

/**
 * Sockets that connect only to checked addresses. OkHttp resolves IP-literal hosts
 * itself, without {@link PinnedDns}, and reads {@code 0177.0.0.1} as the JDK does; this
 * is the last word on where a connection goes, whatever parsed the host.
 */
final class PinnedSocketFactory extends SocketFactory {

	private final Set<InetAddress> checked;

	PinnedSocketFactory(List<InetAddress> checked) {
		this.checked = Set.copyOf(checked);
	}

	@Override
	public Socket createSocket() {
		return new PinnedSocket();
	}

	@Override
	public Socket createSocket(String host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
		return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
	}

	@Override
	public Socket createSocket(InetAddress host, int port) throws IOException {
		return connected(new InetSocketAddress(host, port));
	}

	@Override
	public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
			throws IOException {
		return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
	}

	private Socket connected(InetSocketAddress remote, InetSocketAddress... local) throws IOException {
		Socket socket = createSocket();
		try {
			if (local.length > 0) {
				socket.bind(local[0]);
			}
			socket.connect(remote);
			return socket;
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
	}

	private final class PinnedSocket extends Socket {

		@Override
		public void connect(SocketAddress endpoint, int timeout) throws IOException {
			if (!(endpoint instanceof InetSocketAddress inet)
					|| !PinnedSocketFactory.this.checked.contains(inet.getAddress())) {
				close();
				throw new SocketException(
						"Reelay's destination guard did not check " + endpoint + ", so Reelay does not connect there");
			}
			super.connect(endpoint, timeout);
		}

	}

}
