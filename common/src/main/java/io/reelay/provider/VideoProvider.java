package io.reelay.provider;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;

/**
 * The port every provider API sits behind: submit a job, ask how it is doing, say how to
 * fetch the result. Calls fail with {@link ProviderException}, which says whether
 * retrying can help.
 */
public interface VideoProvider {

	/** The key requests use to choose this provider, e.g. {@code generic}. */
	String name();

	/**
	 * What is wrong with a request for this provider, checked before any call that costs
	 * money.
	 * @return one line per problem, each naming the field; empty when the request can be
	 * sent
	 */
	List<String> problems(VideoRequested request);

	/**
	 * Creates the job. Never retried by Reelay unless the call surely did not reach the
	 * provider.
	 * @param media turns the request's image references into what the provider takes
	 */
	SubmittedTask submit(VideoRequested request, MediaAccess media);

	/** Asks the provider how the job is doing. Safe to repeat. */
	TaskStatus status(String providerTaskId);

	/**
	 * The HTTP request that fetches the finished video, credentials included where
	 * needed.
	 */
	DownloadRequest download(VideoCompleted completed);

	/**
	 * The jobs the account created between two instants, read from the provider's list
	 * API: how Reelay learns whether a create call whose answer was lost created
	 * anything. Safe to repeat.
	 * @return empty when the provider has no list API
	 */
	default Optional<List<ListedJob>> jobsCreatedBetween(Instant from, Instant to) {
		return Optional.empty();
	}

}
