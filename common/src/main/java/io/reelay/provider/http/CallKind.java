package io.reelay.provider.http;

/**
 * Whether repeating a provider call is harmless. A {@link #CREATE} that may have reached
 * the provider is never repeated: the provider may already be charging for it.
 */
public enum CallKind {

	/** Creates a paid job. */
	CREATE,

	/** Reads state; repeating it costs nothing. */
	READ

}
