package io.reelay.cli.bench.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.reelay.cli.bench.ServiceProcess;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * JDK Flight Recordings of a span of the bench, with the JDK's {@code profile} settings:
 * one per service, started and dumped through {@code jcmd}, and one of this JVM (the
 * broker, the S3 server, the simulator and the bench itself).
 */
final class ServiceProfiles {

	private static final String NAME = "reelay-bench";

	private final Map<String, ServiceProcess> services;

	private final Path directory;

	private Recording own;

	ServiceProfiles(Map<String, ServiceProcess> services, Path directory) {
		this.services = services;
		this.directory = directory;
	}

	void start() throws Exception {
		for (ServiceProcess service : this.services.values()) {
			jcmd(service.pid(), "JFR.start", "name=" + NAME, "settings=profile");
		}
		this.own = new Recording(Configuration.getConfiguration("profile"));
		this.own.setName(NAME);
		this.own.start();
	}

	/** Stops every recording and writes it; returns the files by service name. */
	Map<String, Path> stop() throws Exception {
		Files.createDirectories(this.directory);
		Map<String, Path> files = new LinkedHashMap<>();
		for (Map.Entry<String, ServiceProcess> service : this.services.entrySet()) {
			Path file = this.directory.resolve(service.getKey() + ".jfr").toAbsolutePath();
			Files.deleteIfExists(file);
			jcmd(service.getValue().pid(), "JFR.stop", "name=" + NAME, "filename=" + file);
			files.put(service.getKey(), file);
		}
		Path own = this.directory.resolve("bench-jvm.jfr").toAbsolutePath();
		this.own.stop();
		this.own.dump(own);
		this.own.close();
		files.put(PipelineReport.BENCH_JVM, own);
		return files;
	}

	private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		String[] line = new String[command.length + 2];
		line[0] = jcmd.toString();
		line[1] = Long.toString(pid);
		System.arraycopy(command, 0, line, 2, command.length);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException(String.join(" ", line) + " failed: " + output.strip());
		}
	}

}
