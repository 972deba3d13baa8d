package io.reelay.simulator;

import java.io.IOException;

/**
 * One provider's API, served below its base path. The simulator records every call and
 * checks the API key before {@link #serve} sees it.
 */
public abstract class ProviderApi {

	/** The tasks, faults and clock every API shares. */
	protected final Simulation simulation;

	private final String name;

	private final ErrorAnswers errors;

	/**
	 * @param name the provider's key ({@code minimax}, ...), the first segment of its
	 * base path
	 * @param errors how the provider says no, to a wrong API key and in faults
	 */
	protected ProviderApi(String name, ErrorAnswers errors, Simulation simulation) {
		this.name = name;
		this.errors = errors;
		this.simulation = simulation;
	}

	public final String name() {
		return this.name;
	}

	/** The base URL's path, e.g. {@code /tchavi/api}. */
	public String basePath() {
		return "/" + this.name;
	}

	public final ErrorAnswers errors() {
		return this.errors;
	}

	/** Answers a call that carries the right API key. */
	public abstract void serve(ApiCall call) throws IOException;

}
