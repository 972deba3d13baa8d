package io.reelay.tracing;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage's work on one consumed record, as one receiver observation: its span continues
 * the trace the record carries, and every record the stage publishes for it while it is
 * open (see {@link #open()}) is that span's child. The work may move between threads
 * (opened on one, then on another) and end before what it led to is sent: the published
 * records carry their parent in their headers.
 */
public final class RecordWork implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RecordWork.class);

	private final Observation observation;

	private final String requestId;

	private final AtomicBoolean ended = new AtomicBoolean();

	RecordWork(Observation observation, String requestId) {
		this.observation = observation;
		this.requestId = requestId;
	}

	/** The request the record is about, or null when it names none. */
	public String requestId() {
		return this.requestId;
	}

	/**
	 * Makes this work the current one on this thread until the scope closes: its span is
	 * the parent of what the stage publishes, and the MDC has its request, trace and span
	 * ids.
	 */
	public ContextScope open() {
		Observation.Scope observed;
		try {
			observed = this.observation.openScope();
		}
		catch (RuntimeException ex) {
			log.debug("could not open the observation of request {}: {}", this.requestId, ex.toString());
			observed = null;
		}
		ContextScope logging = RequestLogging.forRequest(this.requestId);
		Observation.Scope opened = observed;
		return () -> {
			logging.close();
			if (opened != null) {
				try {
					opened.close();
				}
				catch (RuntimeException ex) {
					log.debug("could not close the observation of request {}: {}", this.requestId, ex.toString());
				}
			}
		};
	}

	/** Ends the work's span; ending it again does nothing. */
	@Override
	public void close() {
		if (this.ended.compareAndSet(false, true)) {
			try {
				this.observation.stop();
			}
			catch (RuntimeException ex) {
				log.debug("could not stop the observation of request {}: {}", this.requestId, ex.toString());
			}
		}
	}

}
