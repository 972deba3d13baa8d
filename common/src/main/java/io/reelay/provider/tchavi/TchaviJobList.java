package io.reelay.provider.tchavi;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.reelay.provider.JobListing;
import io.reelay.provider.ListedJob;
import tools.jackson.databind.JsonNode;

/**
 * A page of {@code GET /v1/jobs}: {@code data}, newest first, and {@code has_more}.
 */
record TchaviJobList(List<Listed> data, @JsonProperty("has_more") Boolean hasMore) {

	record Listed(String id, @JsonProperty("created_at") JsonNode createdAt) {
	}

	JobListing.Page page() {
		List<ListedJob> jobs = (this.data != null)
				? this.data.stream().map((job) -> new ListedJob(job.id(), instant(job.createdAt()))).toList()
				: List.of();
		return new JobListing.Page(jobs, Boolean.TRUE.equals(this.hasMore));
	}

	/** An ISO-8601 time, or epoch seconds where a number is sent. */
	private static Instant instant(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isNumber()) {
			return Instant.ofEpochSecond(node.asLong());
		}
		try {
			return Instant.parse(node.asString());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
