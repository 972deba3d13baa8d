package io.reelay.provider.openai;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.reelay.provider.JobListing;
import io.reelay.provider.ListedJob;

/**
 * A page of {@code GET /v1/videos?order=desc}: {@code data}, {@code has_more}; the next
 * page starts {@code after} the last id.
 */
record OpenAiVideoList(List<Listed> data, @JsonProperty("has_more") Boolean hasMore) {

	/**
	 * @param createdAt epoch seconds
	 */
	record Listed(String id, @JsonProperty("created_at") Long createdAt) {
	}

	JobListing.Page page() {
		List<ListedJob> jobs = (this.data != null) ? this.data.stream()
			.map((video) -> new ListedJob(video.id(),
					(video.createdAt() != null) ? Instant.ofEpochSecond(video.createdAt()) : null))
			.toList() : List.of();
		return new JobListing.Page(jobs, Boolean.TRUE.equals(this.hasMore));
	}

}
