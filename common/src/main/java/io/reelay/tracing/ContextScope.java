package io.reelay.tracing;

/**
 * What a thread has in hand while a scope is open (a record's span, a request id in the
 * MDC); closing it puts back what was there before, and never throws.
 */
@FunctionalInterface
public interface ContextScope extends AutoCloseable {

	/** A scope that changed nothing. */
	ContextScope NONE = () -> {
	};

	@Override
	void close();

}
