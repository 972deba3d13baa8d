package io.reelay.simulator.minimax;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.reelay.simulator.Ids;

/**
 * The file ids of finished jobs: numbers, handed out by the query (as a string) and
 * looked up by the file retrieve (as an integer).
 */
final class MinimaxFiles {

	private final Map<String, Long> fileIds = new ConcurrentHashMap<>();

	private final Map<Long, String> taskIds = new ConcurrentHashMap<>();

	long fileIdOf(String taskId) {
		return this.fileIds.computeIfAbsent(taskId, (id) -> {
			long fileId = Ids.number(15);
			this.taskIds.put(fileId, id);
			return fileId;
		});
	}

	Optional<String> taskIdOf(long fileId) {
		return Optional.ofNullable(this.taskIds.get(fileId));
	}

}
