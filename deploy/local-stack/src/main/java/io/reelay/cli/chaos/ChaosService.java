package io.reelay.cli.chaos;

import java.util.Locale;

import io.reelay.downloader.DownloaderApplication;
import io.reelay.poller.PollerApplication;
import io.reelay.submitter.SubmitterApplication;

/** The three services a chaos run starts, kills and restarts. */
enum ChaosService {

	SUBMITTER(SubmitterApplication.class),

	POLLER(PollerApplication.class),

	DOWNLOADER(DownloaderApplication.class);

	private final Class<?> application;

	ChaosService(Class<?> application) {
		this.application = application;
	}

	Class<?> application() {
		return this.application;
	}

	/** {@code submitter}, {@code poller}, {@code downloader}. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
