package io.reelay.provider.minimax;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MiniMax's answer to {@code POST /v1/video_generation}. */
record MinimaxTaskCreated(@JsonProperty("task_id") String taskId, @JsonProperty("base_resp") MinimaxBaseResp baseResp) {

}
