package io.reelay.poller;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.event.FailureCode;
import io.reelay.event.VideoSubmitted;
import io.reelay.provider.ProviderException;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.registry.ProviderRegistry;
import io.reelay.tracing.RequestLogging;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Status calls, many at once: each provider's calls run in its own bounded pool, behind
 * its own {@link ProviderGate}, so a slow or rate-limited provider holds up nobody else.
 */
@Component
class StatusCalls implements DisposableBean {

	private final ProviderRegistry providers;

	private final PollerProperties properties;

	private final Map<String, ProviderGate> gates = new ConcurrentHashMap<>();

	StatusCalls(ProviderRegistry providers, PollerProperties properties) {
		this.providers = providers;
		this.properties = properties;
	}

	ProviderGate gateOf(String provider) {
		return this.gates.computeIfAbsent(provider, (name) -> new ProviderGate(name, this.properties.of(name)));
	}

	/**
	 * Asks the job's provider where the job stands. The future never fails: a failed call
	 * is an answer too. Its time is that of the call alone, not of the wait for a thread
	 * of the provider's pool.
	 */
	CompletableFuture<StatusAnswer> check(VideoSubmitted job) {
		ProviderGate gate = gateOf(job.provider());
		// the call logs with the request's id and trace, like the batch that asked for it
		return CompletableFuture.supplyAsync(RequestLogging.carry(() -> call(job)), gate.calls());
	}

	private StatusAnswer call(VideoSubmitted job) {
		long start = System.nanoTime();
		try {
			TaskStatus status = this.providers.require(job.provider()).status(job.providerTaskId());
			return new StatusAnswer(status, null, since(start));
		}
		catch (ProviderException ex) {
			return new StatusAnswer(null, ex, since(start));
		}
		catch (RuntimeException ex) {
			// an adapter bug must not end the job: treat it like an unreadable answer
			return new StatusAnswer(null, new ProviderException(FailureCode.PROVIDER_UNAVAILABLE,
					job.provider() + " status call failed in Reelay: " + ex, null, null, ex), since(start));
		}
	}

	private static Duration since(long startNanos) {
		return Duration.ofNanos(System.nanoTime() - startNanos);
	}

	@Override
	public void destroy() {
		this.gates.values().forEach(ProviderGate::close);
	}

	/**
	 * A status, or the failure of the call.
	 *
	 * @param callTime how long the call took, answered or not
	 */
	record StatusAnswer(TaskStatus status, ProviderException failure, Duration callTime) {
	}

}
