package io.reelay.downloader;

import io.reelay.event.VideoCompleted;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads {@code video.completed}; one record, one stored video. */
@Component
class CompletedListener {

	private final VideoStorage storage;

	CompletedListener(VideoStorage storage) {
		this.storage = storage;
	}

	@KafkaListener(id = "reelay-downloader", topics = "video.completed")
	void onCompleted(VideoCompleted completed) {
		this.storage.store(completed);
	}

}
