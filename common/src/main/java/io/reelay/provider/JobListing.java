package io.reelay.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.reelay.event.FailureCode;

/**
 * Walks a provider's job list, newest first, page by page, and keeps the jobs created in
 * a window. It stops at the first page that reaches back before the window, and gives up
 * rather than reading an account's whole history.
 */
public final class JobListing {

	static final int MAX_PAGES = 20;

	private JobListing() {
	}

	/** One page of a list answer. */
	public record Page(List<ListedJob> jobs, boolean hasMore) {
	}

	/**
	 * @param pageAfter the page after the one whose last job is given (null for the first
	 * page)
	 */
	public static List<ListedJob> createdBetween(String provider, Instant from, Instant to,
			Function<ListedJob, Page> pageAfter) {
		List<ListedJob> found = new ArrayList<>();
		ListedJob last = null;
		for (int page = 0; page < MAX_PAGES; page++) {
			Page answer = pageAfter.apply(last);
			boolean reachedBack = false;
			for (ListedJob job : answer.jobs()) {
				if (job.createdAt() == null) {
					continue;
				}
				if (!job.createdAt().isBefore(from) && !job.createdAt().isAfter(to)) {
					found.add(job);
				}
				reachedBack |= job.createdAt().isBefore(from);
			}
			if (!answer.hasMore() || answer.jobs().isEmpty() || (reachedBack && newestFirst(answer.jobs()))) {
				return found;
			}
			last = answer.jobs().get(answer.jobs().size() - 1);
		}
		throw new ProviderException(FailureCode.SUBMISSION_OUTCOME_UNKNOWN, provider + " lists more than " + MAX_PAGES
				+ " pages of jobs back to " + from + ": too many to read through");
	}

	private static boolean newestFirst(List<ListedJob> jobs) {
		for (int i = 1; i < jobs.size(); i++) {
			Instant before = jobs.get(i - 1).createdAt();
			Instant after = jobs.get(i).createdAt();
			if (before != null && after != null && after.isAfter(before)) {
				return false;
			}
		}
		return true;
	}

}
