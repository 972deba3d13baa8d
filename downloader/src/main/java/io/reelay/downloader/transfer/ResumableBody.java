package io.reelay.downloader.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import io.reelay.downloader.fetch.ContentRange;
import io.reelay.downloader.fetch.FetchResponse;
import io.reelay.downloader.fetch.VideoFetcher;
import io.reelay.provider.DownloadRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A video body that survives broken connections: when the connection drops or the body
 * ends before its announced length, it asks again from the byte where it stopped
 * ({@code Range}), naming the version it was reading ({@code If-Range}), and goes on
 * reading, so the upload it feeds never notices. A server that does not take ranges, or
 * sends another version, makes it give up with {@link NotResumable}: the download then
 * starts over.
 */
final class ResumableBody extends InputStream {

	private static final Logger log = LoggerFactory.getLogger(ResumableBody.class);

	private final VideoFetcher fetcher;

	private final DownloadRequest request;

	private final Waits waits;

	private final ProviderTime providerTime;

	private final int maxResumes;

	private final long total;

	private final String validator;

	private final boolean resumable;

	private FetchResponse current;

	private long position;

	private int resumes;

	/**
	 * @param providerTime where the time until each resume's answer adds up
	 */
	ResumableBody(VideoFetcher fetcher, DownloadRequest request, FetchResponse first, int maxResumes, Waits waits,
			ProviderTime providerTime) {
		this.fetcher = fetcher;
		this.request = request;
		this.current = first;
		this.maxResumes = maxResumes;
		this.waits = waits;
		this.providerTime = providerTime;
		this.total = first.contentLength();
		this.validator = validatorOf(first);
		this.resumable = first.acceptsRanges() && this.total > 0;
	}

	/** A strong ETag identifies one version; a weak one may not, so the date is used. */
	private static String validatorOf(FetchResponse response) {
		String etag = response.etag();
		if (etag != null && !etag.startsWith("W/")) {
			return etag;
		}
		return response.lastModified();
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		int n = read(one, 0, 1);
		return (n < 0) ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		while (true) {
			IOException broken;
			try {
				int n = this.current.body().read(buffer, offset, length);
				if (n > 0) {
					this.position += n;
					return n;
				}
				if (n == 0 || this.total < 0 || this.position >= this.total) {
					return n;
				}
				broken = new IOException("the body ended after " + this.position + " of " + this.total + " bytes");
			}
			catch (IOException ex) {
				broken = ex;
			}
			resume(broken);
		}
	}

	private void resume(IOException broken) throws IOException {
		if (!this.resumable) {
			throw new NotResumable("the connection broke after " + this.position + " bytes (" + broken.getMessage()
					+ ") and the server does not take byte ranges", broken);
		}
		this.current.close();
		while (this.resumes < this.maxResumes) {
			this.resumes++;
			this.waits.pause(Duration.ofMillis(250L << Math.min(this.resumes - 1, 4)));
			log.info("resuming {} at byte {} of {} ({}), resume {} of {}", hostOf(this.request), this.position,
					this.total, broken.getMessage(), this.resumes, this.maxResumes);
			FetchResponse next;
			long start = System.nanoTime();
			try {
				next = this.fetcher.get(this.request.uri(), this.request.headers(), this.position, this.validator);
			}
			catch (IOException ex) {
				broken = ex;
				continue;
			}
			finally {
				this.providerTime.addSince(start);
			}
			if (continues(next)) {
				this.current = next;
				return;
			}
			next.close();
			if (next.status() == 200) {
				throw new NotResumable("the server sent the whole file again instead of the rest from byte "
						+ this.position + ": the video changed, or ranges are not served", broken);
			}
			String answer = (next.status() == 206 && next.contentRange() != null) ? "bytes "
					+ next.contentRange().first() + "-" + next.contentRange().last() + "/" + next.contentRange().total()
					: "HTTP " + next.status();
			throw new IOException("resuming at byte " + this.position + " answered " + answer, broken);
		}
		throw new IOException("the connection broke " + this.resumes + " times; last: " + broken.getMessage(), broken);
	}

	private boolean continues(FetchResponse next) {
		ContentRange range = next.contentRange();
		return next.status() == 206 && range != null && range.first() == this.position
				&& (range.total() < 0 || range.total() == this.total);
	}

	long position() {
		return this.position;
	}

	int resumes() {
		return this.resumes;
	}

	@Override
	public void close() {
		this.current.close();
	}

	private static String hostOf(DownloadRequest request) {
		return request.uri().getHost();
	}

	/** The body cannot be continued; only starting over can get the video. */
	static final class NotResumable extends IOException {

		NotResumable(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
