package io.reelay.downloader.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;

import io.reelay.downloader.guard.TrapListener;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PinnedSocketFactoryTests {

	@Test
	void connectsToACheckedAddress() throws Exception {
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		try (ServerSocket server = new ServerSocket(0, 1, loopback);
				Socket socket = new PinnedSocketFactory(List.of(loopback)).createSocket()) {
			socket.connect(new InetSocketAddress(loopback, server.getLocalPort()), 5000);
			assertThat(socket.isConnected()).isTrue();
		}
	}

	@Test
	void refusesToConnectAnywhereElse() throws Exception {
		PinnedSocketFactory factory = new PinnedSocketFactory(List.of(InetAddress.getByName("203.0.113.10")));
		try (TrapListener trap = TrapListener.start()) {
			InetAddress loopback = InetAddress.getByName("127.0.0.1");
			assertThatExceptionOfType(SocketException.class)
				.isThrownBy(() -> factory.createSocket().connect(new InetSocketAddress(loopback, trap.port())))
				.withMessageContaining("did not check");
			assertThatExceptionOfType(SocketException.class)
				.isThrownBy(() -> factory.createSocket(loopback, trap.port()));
			assertThatExceptionOfType(SocketException.class)
				.isThrownBy(() -> factory.createSocket("localhost", trap.port()));
			assertThat(trap.accepted()).isZero();
		}
	}

}
