package io.reelay.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

import io.reelay.cli.chaos.ChaosRun;
import io.reelay.cli.chaos.ChaosSettings;
import io.reelay.cli.chaos.RequestTemplates;
import io.reelay.stack.StackSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelay chaos}: crash tests. Reelay's promises (a request is submitted to its
 * provider at most once and ends in exactly one terminal event) checked while its
 * services are killed and everything around them fails.
 */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Crash-tests the pipeline: kills services while requests flow, then checks that nothing was "
						+ "paid twice, lost or ended twice.",
				"Starts a Kafka broker, an S3-compatible server and the provider simulator in this JVM, and the "
						+ "submitter, the poller and the downloader each in a JVM of its own. Publishes --requests "
						+ "requests across all five providers (a few of them twice, as a retrying client would), "
						+ "and meanwhile, on a schedule drawn from --seed: kills a service with SIGKILL --kills times "
						+ "(each instance at least once when there are kills enough) and restarts it at once, "
						+ "restarts the broker once, stops the S3 server for 10 s, and makes providers answer bursts "
						+ "of 503, 429 and (twice, on a create call) 500. Then waits until every request ended, stops "
						+ "the services with SIGTERM and checks: every request has exactly one terminal event "
						+ "(video.stored or video.failed, read with read_committed), none is stuck, the simulator "
						+ "created at most one job per request, every stored video holds the bytes the simulator "
						+ "served for its request, and no multipart upload was left behind. Prints the checks, the "
						+ "outcomes and every offending request with its events; the last line sums up.",
				"The long form: ./reelay chaos --requests 5000 --kills 30" },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:every check passed", "1:a check failed, or the run could not complete", "2:invalid usage" })
final class ChaosCommand implements Callable<Integer> {

	@Option(names = "--requests", defaultValue = "200",
			description = "Requests to send, across all providers (default: ${DEFAULT-VALUE}).")
	int requests;

	@Option(names = "--kills", defaultValue = "4",
			description = "SIGKILLs of a service, each restarted at once (default: ${DEFAULT-VALUE}).")
	int kills;

	@Option(names = "--seed",
			description = "Draws the requests and the schedule: the same seed, the same run (default: a new one, "
					+ "printed).")
	Long seed;

	@Option(names = "--timeout", defaultValue = "PT5M",
			description = "How long to wait for every request to end once all are published and the last "
					+ "disruption is over, ISO-8601 (default: ${DEFAULT-VALUE}).")
	Duration timeout;

	@Option(names = "--rate", defaultValue = "10",
			description = "Requests published per second (default: ${DEFAULT-VALUE}).")
	double rate;

	@Option(names = "--service-heap", defaultValue = "256m",
			description = "Each service JVM's -Xmx (default: ${DEFAULT-VALUE}).")
	String serviceHeap;

	@Option(names = "--instances", paramLabel = "SERVICE=N",
			description = "Instances of a service, e.g. --instances downloader=2: a kill then moves the killed "
					+ "one's partitions to the other (default: one of each).")
	Map<String, Integer> instances;

	@Mixin
	StackOptions stack;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		ChaosSettings settings;
		try {
			settings = new ChaosSettings(this.requests, this.kills,
					(this.seed != null) ? this.seed : System.currentTimeMillis(), this.timeout, this.rate,
					this.stack.dataDirectory, this.serviceHeap, this.instances);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandLine.ParameterException(this.spec.commandLine(), ex.getMessage());
		}
		this.stack.routeLogs();
		String frameUri = "s3://" + StackSettings.BUCKET + "/" + SampleRequests.FRAME_KEY;
		RequestTemplates templates = new RequestTemplates(SampleRequests.create(5, frameUri), SampleRequests.FRAME_KEY,
				SampleRequests.framePng());
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			return ChaosRun.run(settings, templates, out);
		}
		catch (Exception ex) {
			out.println();
			out.println("chaos run FAILED: " + ex);
			out.flush();
			return 1;
		}
	}

}
