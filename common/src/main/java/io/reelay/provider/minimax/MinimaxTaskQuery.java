package io.reelay.provider.minimax;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * MiniMax's answer to {@code GET /v1/query/video_generation}.
 *
 * @param status {@code Preparing}, {@code Queueing}, {@code Processing}, {@code Success}
 * or {@code Fail}
 * @param fileId set once the status is {@code Success}; a string here, a number in the
 * file answer
 */
record MinimaxTaskQuery(@JsonProperty("task_id") String taskId, String status, @JsonProperty("file_id") String fileId,
		@JsonProperty("video_width") Integer videoWidth, @JsonProperty("video_height") Integer videoHeight,
		@JsonProperty("base_resp") MinimaxBaseResp baseResp) {

}
