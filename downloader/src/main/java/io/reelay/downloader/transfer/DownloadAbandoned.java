package io.reelay.downloader.transfer;

/**
 * The downloader is stopping and interrupted this download. Not a failure of the request:
 * nothing is published and the record is not acknowledged, so it is delivered again and
 * the download starts over (or finds the video already stored).
 */
public final class DownloadAbandoned extends RuntimeException {

	public DownloadAbandoned(Throwable cause) {
		super("the download was interrupted because the downloader is stopping", cause);
	}

	/** Whether {@code failure} came from this thread being interrupted. */
	static boolean causedByInterrupt(Throwable failure) {
		if (Thread.currentThread().isInterrupted()) {
			return true;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedException || cause instanceof java.io.InterruptedIOException
					&& !(cause instanceof java.net.SocketTimeoutException)) {
				return true;
			}
		}
		return false;
	}

}
