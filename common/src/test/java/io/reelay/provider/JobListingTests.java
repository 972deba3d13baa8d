package io.reelay.provider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.reelay.event.FailureCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobListingTests {

	private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void keepsTheJobsOfTheWindowAndStopsAtThePageThatReachesBeforeIt() {
		// newest first, two per page: 10:05, 10:04 | 10:03, 10:02 | 10:01, 10:00 | ...
		List<Integer> pagesRead = new ArrayList<>();
		List<ListedJob> found = JobListing.createdBetween("p", T.plusSeconds(150), T.plusSeconds(250), (last) -> {
			int page = (last == null) ? 0 : pagesRead.size();
			pagesRead.add(page);
			int newest = 5 - 2 * page;
			return new JobListing.Page(List.of(job(newest), job(newest - 1)), true);
		});

		assertThat(found).extracting(ListedJob::id).containsExactly("job-4", "job-3");
		assertThat(pagesRead).containsExactly(0, 1);
	}

	@Test
	void readsOnWhenAPageIsNotNewestFirst() {
		List<ListedJob> found = JobListing.createdBetween("p", T.plusSeconds(60), T.plusSeconds(60), (last) -> {
			if (last == null) {
				return new JobListing.Page(List.of(job(0), job(3)), true);
			}
			return new JobListing.Page(List.of(job(1)), false);
		});

		assertThat(found).extracting(ListedJob::id).containsExactly("job-1");
	}

	@Test
	void givesUpRatherThanReadingAWholeHistory() {
		assertThatExceptionOfType(ProviderException.class)
			.isThrownBy(() -> JobListing.createdBetween("p", T.minusSeconds(1), T,
					(last) -> new JobListing.Page(List.of(job(5)), true)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(FailureCode.SUBMISSION_OUTCOME_UNKNOWN));
	}

	private static ListedJob job(int minute) {
		return new ListedJob("job-" + minute, T.plusSeconds(60L * minute));
	}

}
