package io.reelay.provider;

import java.time.Duration;

import io.reelay.event.DownloadLocation;
import io.reelay.event.FailureCode;
import io.reelay.event.ProviderError;
import io.reelay.event.Usage;

/**
 * Where a provider job stands, in Reelay's terms. Statuses a provider invents later map
 * to {@link Running}: the job's deadline bounds them, they never fail a job.
 */
public sealed interface TaskStatus {

	/** The provider's own status word, as it sent it. */
	String providerStatus();

	/**
	 * @param progressPercent 0 to 100 when the provider reports progress
	 * @param pollAfter when the provider suggests asking again (OpenAI's
	 * {@code openai-poll-after-ms}), or null
	 */
	record Running(String providerStatus, Integer progressPercent, Duration pollAfter) implements TaskStatus {

		public Running(String providerStatus, Integer progressPercent) {
			this(providerStatus, progressPercent, null);
		}

		/** The same status with the provider's hint for the next check. */
		public Running withPollAfter(Duration pollAfter) {
			return new Running(this.providerStatus, this.progressPercent, pollAfter);
		}

	}

	record Succeeded(String providerStatus, DownloadLocation download, Usage usage) implements TaskStatus {
	}

	/**
	 * @param usage what the attempt cost or was refunded, where the provider says
	 */
	record Failed(String providerStatus, FailureCode code, String message, ProviderError providerError,
			Usage usage) implements TaskStatus {

		public Failed(String providerStatus, FailureCode code, String message, ProviderError providerError) {
			this(providerStatus, code, message, providerError, null);
		}

	}

}
