package io.reelay.provider.minimax;

import java.util.Locale;
import java.util.Set;

import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.provider.TaskStatus;

/**
 * MiniMax's task statuses in Reelay's terms: {@code Preparing}, {@code Queueing} and
 * {@code Processing} run, {@code Success} succeeds once its file is found, {@code Fail}
 * fails. Any other word keeps the job running until its deadline. MiniMax reports no
 * progress.
 */
final class MinimaxStatuses {

	private static final Set<String> FAILED = Set.of("fail", "failed");

	private static final Set<Integer> CONTENT_CODES = Set.of(1026, 1027);

	private MinimaxStatuses() {
	}

	static boolean succeeded(MinimaxTaskQuery query) {
		return "success".equals(word(query)) && query.fileId() != null && !query.fileId().isBlank();
	}

	/**
	 * Whether the task is over without a video: a {@code Fail}, or a content refusal
	 * reported in place of a status (a sensitive output is only found once generated).
	 */
	static boolean failed(MinimaxTaskQuery query) {
		return FAILED.contains(word(query)) || refusedContent(query.baseResp());
	}

	static boolean refusedContent(MinimaxBaseResp resp) {
		return MinimaxBaseResp.failed(resp) && CONTENT_CODES.contains(resp.statusCode());
	}

	static TaskStatus.Failed failure(MinimaxTaskQuery query) {
		MinimaxBaseResp resp = query.baseResp();
		String status = (query.status() != null) ? query.status() : "Fail";
		if (!MinimaxBaseResp.failed(resp)) {
			// MiniMax says "success" about the query itself: there is no reason to keep
			return new TaskStatus.Failed(status, FailureCode.GENERATION_FAILED,
					"minimax could not generate the video (status " + status + ", no reason given)",
					new ProviderError(null, null, "task status " + status));
		}
		FailureCode code = refusedContent(resp) ? FailureCode.CONTENT_POLICY : FailureCode.GENERATION_FAILED;
		String what = (code == FailureCode.CONTENT_POLICY) ? "minimax refused the content"
				: "minimax could not generate the video";
		return new TaskStatus.Failed(status, code,
				what + " (MiniMax " + resp.statusCode() + ": " + resp.statusMsg() + ")",
				new ProviderError(null, String.valueOf(resp.statusCode()), resp.statusMsg()));
	}

	/**
	 * Also {@code Success} without a {@code file_id} yet: the file may be published a
	 * moment later.
	 */
	static TaskStatus.Running running(MinimaxTaskQuery query) {
		return new TaskStatus.Running(query.status(), null);
	}

	private static String word(MinimaxTaskQuery query) {
		return (query.status() != null) ? query.status().strip().toLowerCase(Locale.ROOT) : "";
	}

}
