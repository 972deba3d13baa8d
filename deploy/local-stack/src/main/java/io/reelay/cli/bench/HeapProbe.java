package io.reelay.cli.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;

/**
 * The heap of another JVM after a full collection: through its platform MBeans, reached
 * by attaching to it (JDK Attach API) and starting its local management agent; failing
 * that, through {@code jcmd}; failing that, unknown. Also its resident set size, where
 * {@code /proc} tells.
 */
public final class HeapProbe implements AutoCloseable {

	private static final Pattern JCMD_USED = Pattern.compile("used (\\d+)K");

	private final long pid;

	private final JMXConnector connector;

	private final MemoryMXBean memory;

	private final String how;

	private HeapProbe(long pid, JMXConnector connector, MemoryMXBean memory, String how) {
		this.pid = pid;
		this.connector = connector;
		this.memory = memory;
		this.how = how;
	}

	/** Attaches to {@code pid}; if that fails, says why in {@link #how()}. */
	public static HeapProbe of(long pid) {
		try {
			JMXConnector connector = connect(pid);
			MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connector.getMBeanServerConnection(),
					ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
			return new HeapProbe(pid, connector, memory, "JMX (attached)");
		}
		catch (Exception | LinkageError ex) {
			return new HeapProbe(pid, null, null, "jcmd (attaching failed: " + ex + ")");
		}
	}

	/** Attaches to the JVM {@code pid} and connects to its management agent. */
	static JMXConnector connect(long pid) throws Exception {
		VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
		String address;
		try {
			address = vm.startLocalManagementAgent();
		}
		finally {
			vm.detach();
		}
		return JMXConnectorFactory.connect(new JMXServiceURL(address));
	}

	/** How the heap is read. */
	public String how() {
		return this.how;
	}

	/** Bytes of heap in use right after a full collection, if it can be read. */
	public OptionalLong heapAfterGc() {
		if (this.memory != null) {
			try {
				this.memory.gc();
				return OptionalLong.of(this.memory.getHeapMemoryUsage().getUsed());
			}
			catch (RuntimeException ex) {
				return OptionalLong.empty();
			}
		}
		if (jcmd("GC.run") == null) {
			return OptionalLong.empty();
		}
		String info = jcmd("GC.heap_info");
		Matcher used = (info != null) ? JCMD_USED.matcher(info) : null;
		return (used != null && used.find()) ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024)
				: OptionalLong.empty();
	}

	/**
	 * Bytes of heap in use now, garbage included, without forcing a collection; only
	 * through JMX.
	 */
	public OptionalLong heapUsed() {
		if (this.memory == null) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of(this.memory.getHeapMemoryUsage().getUsed());
		}
		catch (RuntimeException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Resident set size in bytes, from {@code /proc/<pid>/status}, where there is one.
	 */
	public OptionalLong rss() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(this.pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
					return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no /proc here, or the process is gone
		}
		return OptionalLong.empty();
	}

	private String jcmd(String command) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(jcmd.toString(), Long.toString(this.pid), command)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) ? output : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		if (this.connector != null) {
			try {
				this.connector.close();
			}
			catch (IOException ex) {
				// the poller may be gone already
			}
		}
	}

}
