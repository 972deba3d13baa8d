package io.reelay.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.reelay.event.VideoCompleted;
import io.reelay.event.VideoRequested;
import io.reelay.media.MediaAccess;
import io.reelay.provider.DownloadRequest;
import io.reelay.provider.ListedJob;
import io.reelay.provider.SubmittedTask;
import io.reelay.provider.TaskStatus;
import io.reelay.provider.VideoProvider;

/**
 * An adapter whose HTTP calls are counted by what the stage asked for: a {@code submit}
 * is counted as submit calls, a {@code status} as status calls, whatever requests the
 * provider's API needs for it.
 */
public final class MeteredProvider implements VideoProvider {

	private final VideoProvider adapter;

	private final ProviderCallRecorder recorder;

	public MeteredProvider(VideoProvider adapter, ProviderCallRecorder recorder) {
		this.adapter = adapter;
		this.recorder = recorder;
	}

	@Override
	public String name() {
		return this.adapter.name();
	}

	@Override
	public List<String> problems(VideoRequested request) {
		return this.adapter.problems(request);
	}

	@Override
	public SubmittedTask submit(VideoRequested request, MediaAccess media) {
		return during(ProviderCall.SUBMIT, () -> this.adapter.submit(request, media));
	}

	@Override
	public TaskStatus status(String providerTaskId) {
		return during(ProviderCall.STATUS, () -> this.adapter.status(providerTaskId));
	}

	@Override
	public DownloadRequest download(VideoCompleted completed) {
		return during(ProviderCall.DOWNLOAD, () -> this.adapter.download(completed));
	}

	@Override
	public Optional<List<ListedJob>> jobsCreatedBetween(Instant from, Instant to) {
		return during(ProviderCall.OTHER, () -> this.adapter.jobsCreatedBetween(from, to));
	}

	private <T> T during(ProviderCall call, Supplier<T> work) {
		return ProviderCallScope.during(this.recorder, this.adapter.name(), call, work);
	}

	@Override
	public String toString() {
		return this.adapter.toString();
	}

}
