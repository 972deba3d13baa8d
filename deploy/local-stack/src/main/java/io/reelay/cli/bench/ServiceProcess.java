package io.reelay.cli.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One Reelay service (the poller, the downloader) in a JVM of its own, with its own heap
 * limit, started with the same {@code java} and the same classes as this JVM: from the
 * CLI's Spring Boot jar through its {@code PropertiesLauncher}, or from a plain class
 * path (tests, IDE). Its settings go on its command line, so nothing in the environment
 * overrides them. Public for {@code reelay chaos}, which kills and restarts services.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final String name;

	private final Path log;

	private ServiceProcess(Process process, String name, Path log) {
		this.process = process;
		this.name = name;
		this.log = log;
	}

	/**
	 * Starts {@code main} with {@code settings} as {@code --key=value} arguments, its
	 * standard output and error, and its log file, in {@code log}.
	 */
	public static ServiceProcess start(Class<?> main, String maxHeap, Map<String, String> settings, Path log)
			throws IOException {
		return start(main, maxHeap, List.of(), settings, log);
	}

	/**
	 * As {@link #start(Class, String, Map, Path)}, with further options for the JVM, e.g.
	 * {@code -XX:TieredStopAtLevel=1}.
	 */
	public static ServiceProcess start(Class<?> main, String maxHeap, List<String> jvmOptions,
			Map<String, String> settings, Path log) throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		Files.deleteIfExists(log);
		String java = javaCommand();
		List<String> command = new ArrayList<>();
		command.add(java);
		command.add("-Xmx" + maxHeap);
		if (acceptsUnsafeMemoryAccessFlag(java)) {
			// Kafka still uses sun.misc.Unsafe, which JDK 24+ warns about on every start
			command.add("--sun-misc-unsafe-memory-access=allow");
		}
		command.addAll(jvmOptions);
		command.add("-Dreelay.log.file=" + log.toAbsolutePath());
		command.addAll(classPathAndMain(main));
		settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		if (!settings.containsKey("server.port")) {
			// several services run at once: each takes any free port for its health and
			// metrics
			command.add("--server.port=0");
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		// appending, as the log file the service's logback writes: both end up in one
		// file
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
		return new ServiceProcess(builder.start(), main.getSimpleName(), log);
	}

	private static String javaCommand() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	/** As the {@code reelay} launcher decides: where the runtime knows the flag. */
	private static boolean acceptsUnsafeMemoryAccessFlag(String java) {
		try {
			Process probe = new ProcessBuilder(java, "--sun-misc-unsafe-memory-access=allow", "-version")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The class path and main class that run {@code main} here. */
	static List<String> classPathAndMain(Class<?> main) {
		String classPath = System.getProperty("java.class.path");
		if (isSpringBootJar(classPath)) {
			return List.of("-Dloader.main=" + main.getName(), "-cp", classPath, PROPERTIES_LAUNCHER);
		}
		return List.of("-cp", classPath, main.getName());
	}

	private static boolean isSpringBootJar(String classPath) {
		if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
			return false;
		}
		try (JarFile jar = new JarFile(classPath)) {
			Manifest manifest = jar.getManifest();
			return manifest != null && manifest.getMainAttributes().getValue("Spring-Boot-Classes") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	public long pid() {
		return this.process.pid();
	}

	/** Its exit code, or -1 while it runs. */
	public int exitCode() {
		return this.process.isAlive() ? -1 : this.process.exitValue();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public Path log() {
		return this.log;
	}

	/** CPU time the service used so far, if the platform tells. */
	public Optional<Duration> cpuTime() {
		return this.process.toHandle().info().totalCpuDuration();
	}

	/** The last lines of its log, to show why it stopped. */
	List<String> logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return all.subList(Math.max(0, all.size() - lines), all.size());
		}
		catch (IOException | RuntimeException ex) {
			return List.of("(could not read " + this.log + ": " + ex.getMessage() + ")");
		}
	}

	/** Waits until the service declared {@code topics} on the broker. */
	void awaitTopics(String bootstrapServers, List<String> topics) throws Exception {
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
				if (!isAlive()) {
					throw new IllegalStateException(obituary());
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException("the " + this.name + " did not declare its topics within "
							+ START_TIMEOUT + "; see " + this.log);
				}
				Thread.sleep(250);
			}
		}
	}

	/** Why it is gone: its exit code and the last lines of its log. */
	public String obituary() {
		String exit = this.process.isAlive() ? "" : " with exit code " + this.process.exitValue();
		return "the " + this.name + " (pid " + pid() + ") stopped" + exit + "; the end of its log " + this.log + ":"
				+ System.lineSeparator() + String.join(System.lineSeparator(), logTail(20));
	}

	/**
	 * SIGKILL: the JVM ends at once, no shutdown hook runs, nothing is flushed or
	 * committed. Returns once the process is gone.
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Asks it to stop, and kills it if it has not within 10 s. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
