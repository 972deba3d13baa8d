package io.reelay.cli.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.reelay.downloader.DownloaderApplication;
import io.reelay.event.EventType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The real downloader in a JVM of its own, with its own heap limit, started with the same
 * {@code java} and the same classes as this JVM: from the CLI's Spring Boot jar through
 * its {@code PropertiesLauncher}, or from a plain class path (tests, IDE). Its settings
 * go on its command line, so nothing in the environment overrides them.
 */
final class DownloaderProcess implements AutoCloseable {

	private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	/** Passed on when this JVM was started with it (the {@code reelay} launcher does). */
	private static final String UNSAFE_ACCESS_FLAG = "--sun-misc-unsafe-memory-access=allow";

	private static final long STOP_TIMEOUT_SECONDS = 10;

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final Path log;

	private DownloaderProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the downloader with {@code settings} as {@code --key=value} arguments; its
	 * standard output and error, and its log file, are {@code log}.
	 */
	static DownloaderProcess start(String maxHeap, Map<String, String> settings, Path log) throws IOException {
		Files.createDirectories(log.toAbsolutePath().getParent());
		Files.deleteIfExists(log);
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current()
			.info()
			.command()
			.orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.add("-Xmx" + maxHeap);
		if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains(UNSAFE_ACCESS_FLAG)) {
			command.add(UNSAFE_ACCESS_FLAG);
		}
		command.add("-Dreelay.log.file=" + log.toAbsolutePath());
		String classPath = System.getProperty("java.class.path");
		if (isSpringBootJar(classPath)) {
			command.addAll(List.of("-Dloader.main=" + DownloaderApplication.class.getName(), "-cp", classPath,
					PROPERTIES_LAUNCHER));
		}
		else {
			command.addAll(List.of("-cp", classPath, DownloaderApplication.class.getName()));
		}
		settings.forEach((name, value) -> command.add("--" + name + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command);
		// appending, as the log file the downloader's logback writes: both end up in one
		// file
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
		return new DownloaderProcess(builder.start(), log);
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

	long pid() {
		return this.process.pid();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	Path log() {
		return this.log;
	}

	/** Waits until it declared the pipeline's topics on the broker. */
	void awaitTopics(String bootstrapServers) throws Exception {
		List<String> topics = List.of(EventType.COMPLETED.topic(), EventType.STORED.topic(), EventType.FAILED.topic());
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
				if (!isAlive()) {
					throw new IllegalStateException(obituary());
				}
				if (System.nanoTime() > until) {
					throw new IllegalStateException(
							"the downloader did not declare its topics within " + START_TIMEOUT + "; see " + this.log);
				}
				Thread.sleep(250);
			}
		}
	}

	/** Why it is gone: its exit code and the last lines of its log. */
	String obituary() {
		String tail;
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			tail = String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - 20), all.size()));
		}
		catch (IOException | RuntimeException ex) {
			tail = "(could not read " + this.log + ": " + ex.getMessage() + ")";
		}
		String exit = this.process.isAlive() ? "" : " with exit code " + this.process.exitValue();
		return "the downloader (pid " + pid() + ") stopped" + exit + "; the end of its log " + this.log + ":"
				+ System.lineSeparator() + tail;
	}

	/** Asks it to stop, and kills it if it has not within 10 s. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
