package io.reelay.simulator;

import java.io.IOException;

/**
 * One provider's API, served below its base path. The simulator records every call and
 * checks the API key before {@link #serve} sees it.
 */
public interface ProviderApi {

	/**
	 * The provider's key ({@code minimax}, ...), the first segment of its base path.
	 */
	String name();

	/** The base URL's path, e.g. {@code /tchavi/api}. */
	default String basePath() {
		return "/" + name();
	}

	ErrorAnswers errors();

	/** Answers a call that carries the right API key. */
	void serve(ApiCall call) throws IOException;

}
