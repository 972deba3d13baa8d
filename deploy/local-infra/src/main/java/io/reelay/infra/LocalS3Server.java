package io.reelay.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible server (s3proxy) keeping objects as files under a data directory. It
 * checks request signatures like S3 does, so clients are exercised for real.
 */
public final class LocalS3Server implements AutoCloseable {

	private final S3Proxy proxy;

	private final String accessKey;

	private final String secretKey;

	private final Path directory;

	private LocalS3Server(S3Proxy proxy, String accessKey, String secretKey, Path directory) {
		this.proxy = proxy;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
		this.directory = directory;
	}

	/**
	 * @param directory where buckets and objects are kept (created if missing)
	 * @param port the port to listen on, or 0 for any free port
	 */
	public static LocalS3Server start(Path directory, int port, String accessKey, String secretKey) throws Exception {
		Files.createDirectories(directory);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(new FilesystemNio2BlobStore(directory.toAbsolutePath().toString()))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
			.endpoint(URI.create("http://127.0.0.1:" + port))
			.build();
		proxy.start();
		return new LocalS3Server(proxy, accessKey, secretKey, directory);
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.proxy.getPort());
	}

	public String accessKey() {
		return this.accessKey;
	}

	public String secretKey() {
		return this.secretKey;
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
	}

}
