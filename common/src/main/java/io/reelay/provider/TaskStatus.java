package io.reelay.provider;

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
	 */
	record Running(String providerStatus, Integer progressPercent) implements TaskStatus {
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
