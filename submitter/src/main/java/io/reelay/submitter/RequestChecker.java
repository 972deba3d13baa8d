package io.reelay.submitter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.reelay.event.VideoRequested;
import io.reelay.provider.VideoProvider;
import io.reelay.provider.registry.ProviderRegistry;

import org.springframework.stereotype.Component;

/**
 * Every problem of a request, before any call that costs money: the checks for all
 * requests, its media, and its provider's own rules.
 */
@Component
class RequestChecker {

	private final ProviderRegistry providers;

	private final MediaChecks mediaChecks;

	RequestChecker(ProviderRegistry providers, MediaChecks mediaChecks) {
		this.providers = providers;
		this.mediaChecks = mediaChecks;
	}

	List<String> problems(VideoRequested request, Instant now) {
		List<String> problems = new ArrayList<>(RequestChecks.problems(request, now));
		problems.addAll(this.mediaChecks.problems(request));
		VideoProvider provider = this.providers.find(request.provider()).orElse(null);
		problems.addAll((provider != null) ? provider.problems(request)
				: List.of(this.providers.whyMissing(request.provider())));
		return problems;
	}

}
