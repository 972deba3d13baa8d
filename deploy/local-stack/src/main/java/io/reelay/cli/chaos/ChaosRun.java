package io.reelay.cli.chaos;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.reelay.event.EventType;
import io.reelay.event.VideoRequested;
import io.reelay.simulator.SimulatedTask;
import io.reelay.storage.MinioObjectStore;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.util.FileSystemUtils;

/**
 * {@code reelay chaos}: the pipeline with each service in a JVM of its own, requests
 * flowing, while services are killed and restarted, the broker restarts, the bucket goes
 * away for a while and providers answer errors; then the checks of {@link ChaosCheck}.
 */
public final class ChaosRun {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	/** Time after the last request ended for a late duplicate to show. */
	private static final Duration SETTLE = Duration.ofSeconds(5);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

	private final ChaosSettings settings;

	private final PrintWriter out;

	private ChaosRun(ChaosSettings settings, PrintWriter out) {
		this.settings = settings;
		this.out = out;
	}

	/** Runs, checks and prints; returns the exit code: 0 when every check passed. */
	public static int run(ChaosSettings settings, RequestTemplates templates, PrintWriter out) throws Exception {
		return new ChaosRun(settings, out).run(templates);
	}

	private int run(RequestTemplates templates) throws Exception {
		Path work = this.settings.workDirectory();
		FileSystemUtils.deleteRecursively(work);
		Path logs = Files.createDirectories(work.resolve("logs"));
		ChaosRequests requests = ChaosRequests.create(this.settings.requests(), templates,
				new Random(this.settings.seed() * 31 + 7));
		Duration publishing = RequestFeed.duration(requests.publishOrder().size(), this.settings.perSecond());
		Duration window = Duration.ofMillis(Math.max(30_000, publishing.toMillis() * 3 / 2));
		this.out.printf("Reelay chaos: %d requests (%d of them published twice) across %d providers, seed %d%n",
				requests.requests().size(), requests.duplicates(), templates.perProvider().size(),
				this.settings.seed());
		this.out.printf("  %.0f requests a second for %s; disruptions over the first %s%n", this.settings.perSecond(),
				ChaosLog.seconds(publishing), ChaosLog.seconds(window));
		this.out.flush();
		try (ChaosInfrastructure infrastructure = ChaosInfrastructure.start(work)) {
			putFirstFrame(infrastructure, templates);
			try (ServiceFleet fleet = startServices(infrastructure, logs)) {
				// Ctrl-C ends this JVM without leaving this block: the service JVMs would
				// live on without their broker
				Thread onInterrupt = new Thread(fleet::close, "reelay-chaos-shutdown");
				Runtime.getRuntime().addShutdownHook(onInterrupt);
				try {
					return runAndCheck(infrastructure, fleet, requests, window).passed() ? 0 : 1;
				}
				finally {
					Runtime.getRuntime().removeShutdownHook(onInterrupt);
				}
			}
		}
	}

	private ChaosVerdict runAndCheck(ChaosInfrastructure infrastructure, ServiceFleet fleet, ChaosRequests requests,
			Duration window) throws Exception {
		ChaosPlan plan = ChaosPlan.draw(new Random(this.settings.seed()),
				fleet.all().stream().map(ServiceInstance::name).toList(), this.settings.kills(), window,
				infrastructure.simulator().providers());
		printPlan(plan);
		Ending ending = runUnderChaos(infrastructure, fleet, requests, plan);
		this.out.printf("%nStopping the services with SIGTERM: %s%n",
				fleet.stop()
					.entrySet()
					.stream()
					.map((stop) -> stop.getKey() + " " + ChaosLog.seconds(stop.getValue()))
					.collect(Collectors.joining(", ")));
		if (!ending.allEnded()) {
			this.out.printf("Not every request ended within %s; checking what there is.%n", this.settings.timeout());
		}
		ChaosVerdict verdict = check(infrastructure, requests, ending.incidents());
		ChaosReport.print(verdict, fleet.logs(), this.out);
		return verdict;
	}

	private ServiceFleet startServices(ChaosInfrastructure infrastructure, Path logs) throws Exception {
		this.out.printf("Kafka %s (data %s), S3 %s (data %s), provider simulator %s%n",
				infrastructure.bootstrapServers(), infrastructure.kafkaDirectory(), infrastructure.s3Endpoint(),
				infrastructure.s3Directory(), infrastructure.simulator().baseUrl());
		Map<ChaosService, Integer> counts = this.settings.instanceCounts();
		this.out.printf("Starting %s, each in a JVM of its own (-Xmx%s), logs in %s%n",
				counts.entrySet()
					.stream()
					.map((count) -> count.getValue() + " " + count.getKey().key() + ((count.getValue() > 1) ? "s" : ""))
					.collect(Collectors.joining(", ")),
				this.settings.serviceHeap(), logs);
		this.out.flush();
		long start = System.nanoTime();
		ServiceFleet fleet = ServiceFleet.start(counts, infrastructure.serviceSettings(), this.settings.serviceHeap(),
				logs, START_TIMEOUT);
		awaitTopics(infrastructure.bootstrapServers(),
				List.of(EventType.REQUESTED.topic(), EventType.STORED.topic(), EventType.FAILED.topic()));
		this.out.printf("  started in %s%n", ChaosLog.seconds(Duration.ofNanos(System.nanoTime() - start)));
		return fleet;
	}

	private void printPlan(ChaosPlan plan) {
		this.out.printf("Plan: %d kills, %d broker restart, %d S3 outage, %d provider bursts:%n",
				plan.count(ChaosAction.KillService.class), plan.count(ChaosAction.RestartBroker.class),
				plan.count(ChaosAction.S3Outage.class), plan.count(ChaosAction.ProviderBurst.class));
		for (ChaosAction action : plan.actions()) {
			if (!(action instanceof ChaosAction.ProviderBurst)) {
				this.out.printf("  %7s  %s%n", ChaosLog.seconds(action.at()), action.describe());
			}
		}
		this.out.println();
		this.out.println("Running:");
		this.out.flush();
	}

	/**
	 * How the chaos ended.
	 *
	 * @param allEnded whether every request ended before the timeout
	 * @param incidents service lives that ended on their own or hung after a failed start
	 */
	private record Ending(boolean allEnded, List<String> incidents) {
	}

	/**
	 * Publishes the requests while the plan runs, then waits until every request ended or
	 * the timeout passed.
	 */
	private Ending runUnderChaos(ChaosInfrastructure infrastructure, ServiceFleet fleet, ChaosRequests requests,
			ChaosPlan plan) throws InterruptedException {
		Set<String> ids = requests.requests().stream().map(VideoRequested::requestId).collect(Collectors.toSet());
		ChaosLog log = new ChaosLog(this.out, System.nanoTime());
		try (TerminalWatch watch = TerminalWatch.start(infrastructure.bootstrapServers(), ids);
				RequestFeed feed = RequestFeed.start(infrastructure.bootstrapServers(), requests.publishOrder(),
						this.settings.perSecond());
				ChaosRunner runner = new ChaosRunner(plan, infrastructure, fleet, log)) {
			runner.start();
			long nextProgress = PROGRESS_EVERY.toNanos();
			Long calmSince = null;
			boolean watchFailureTold = false;
			while (true) {
				Thread.sleep(250);
				long elapsed = log.elapsed().toNanos();
				boolean calm = feed.done() && runner.finished();
				if (calm && calmSince == null) {
					calmSince = elapsed;
					log.say("every request published (%d sends made again), every disruption over", feed.resent());
				}
				if (elapsed >= nextProgress) {
					nextProgress += PROGRESS_EVERY.toNanos();
					log.say("published %d/%d, %d/%d requests ended", feed.published(), requests.publishOrder().size(),
							watch.ended(), ids.size());
				}
				if (calm && watch.allEnded()) {
					log.say("every request has a terminal event; %s more for late duplicates",
							ChaosLog.seconds(SETTLE));
					Thread.sleep(SETTLE.toMillis());
					return new Ending(true, runner.incidents());
				}
				if (calmSince != null && elapsed - calmSince > this.settings.timeout().toNanos()) {
					log.say("timed out: %d/%d requests ended", watch.ended(), ids.size());
					return new Ending(false, runner.incidents());
				}
				if (watch.error() != null && !watchFailureTold) {
					watchFailureTold = true;
					log.say("could not follow the terminal topics: %s", watch.error());
				}
			}
		}
	}

	private ChaosVerdict check(ChaosInfrastructure infrastructure, ChaosRequests requests, List<String> incidents)
			throws Exception {
		List<String> ids = requests.requests().stream().map(VideoRequested::requestId).toList();
		TopicSnapshot snapshot = TopicSnapshot.read(infrastructure.bootstrapServers());
		Map<String, List<SimulatedTask>> tasks = new TreeMap<>();
		for (SimulatedTask task : infrastructure.simulator().tasks().all()) {
			ChaosRequests.requestIdIn(task.prompt())
				.ifPresent((id) -> tasks.computeIfAbsent(id, (key) -> new ArrayList<>()).add(task));
		}
		try (MinioObjectStore store = infrastructure.openStore()) {
			List<String> badObjects = new StoredVideos(infrastructure.simulator(), store)
				.problems(snapshot.allTerminal());
			List<String> partsLeft = store.incompleteUploads("");
			return ChaosCheck.judge(ids, snapshot, tasks, badObjects, partsLeft, incidents);
		}
	}

	private static void putFirstFrame(ChaosInfrastructure infrastructure, RequestTemplates templates) throws Exception {
		try (MinioObjectStore store = infrastructure.openStore()) {
			store.ensureBucket();
			store.put(templates.frameKey(), new ByteArrayInputStream(templates.frame()), templates.frame().length,
					"image/png", Map.of());
		}
	}

	private static void awaitTopics(String bootstrapServers, List<String> topics) throws Exception {
		long until = System.nanoTime() + START_TIMEOUT.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics)) {
				if (System.nanoTime() > until) {
					throw new IllegalStateException(
							"the services did not declare " + topics + " within " + START_TIMEOUT);
				}
				Thread.sleep(250);
			}
		}
	}

}
