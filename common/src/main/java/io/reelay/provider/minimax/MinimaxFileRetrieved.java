package io.reelay.provider.minimax;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MiniMax's answer to {@code GET /v1/files/retrieve}. */
record MinimaxFileRetrieved(MinimaxFile file, @JsonProperty("base_resp") MinimaxBaseResp baseResp) {

	/**
	 * A stored file.
	 *
	 * @param fileId a number in this answer, read as text like the query answer's
	 * @param downloadUrl valid for 9 hours from the answer
	 */
	record MinimaxFile(@JsonProperty("file_id") String fileId, Long bytes, @JsonProperty("created_at") Long createdAt,
			String filename, String purpose, @JsonProperty("download_url") String downloadUrl) {

	}

}
