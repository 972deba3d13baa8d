package io.reelay.downloader.guard;

import java.net.Inet6Address;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Download URLs a hostile provider could hand out, each of which Reelay must refuse
 * before connecting anywhere. {@code {trap}} stands for a {@link TrapListener}'s port, so
 * a loopback URL that got through would be seen. Names resolve through
 * {@link #resolver()}, never through real DNS.
 */
public final class HostileUrls {

	/** The port placeholder in {@link #TEMPLATES}. */
	public static final String TRAP = "{trap}";

	public static final List<String> TEMPLATES = List.of(
			// loopback, in every spelling resolvers accept
			"http://127.0.0.1:{trap}/video.mp4", "https://127.0.0.1:{trap}/video.mp4", "http://127.127.127.127:{trap}/",
			"http://127.1:{trap}/", "http://2130706433:{trap}/", "http://0x7f000001:{trap}/",
			"http://0177.0.0.1:{trap}/", "http://017700000001:{trap}/", "http://0x7f.1:{trap}/",
			"http://0x7F.0.0x0.01:{trap}/", "http://127.0.0.1.:{trap}/", "http://localhost:{trap}/",
			"http://LOCALHOST.:{trap}/", "http://video.localhost:{trap}/", "http://[::1]:{trap}/",
			"http://[0:0:0:0:0:0:0:1]:{trap}/", "http://[::ffff:127.0.0.1]:{trap}/", "http://[::ffff:7f00:1]:{trap}/",
			"http://[0:0:0:0:0:ffff:7f00:1]:{trap}/", "http://[::127.0.0.1]:{trap}/",
			"http://[64:ff9b::7f00:1]:{trap}/", "http://[2002:7f00:1::]:{trap}/",
			// unspecified: connecting to it reaches this machine
			"http://0.0.0.0:{trap}/", "http://0:{trap}/", "http://[::]:{trap}/",
			// private networks
			"http://10.0.0.1/", "http://012.0.0.1/", "http://172.16.0.1/", "http://172.31.255.255/",
			"http://192.168.1.1/", "http://[::ffff:10.0.0.1]/", "http://[fc00::1]/", "http://[fd00::1]/",
			"http://100.64.0.1/", "http://100.127.255.254/",
			// cloud metadata services
			"http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://[::ffff:169.254.169.254]/",
			"http://[64:ff9b::a9fe:a9fe]/", "http://[fd00:ec2::254]/latest/",
			"http://100.100.100.200/latest/meta-data/", "http://metadata.google.internal/computeMetadata/v1/",
			"http://metadata/computeMetadata/v1/", "http://instance-data/latest/", "http://metadata.azure.internal/",
			// link-local, site-local, multicast, reserved
			"http://[fe80::1]/", "http://[fec0::1]/", "http://224.0.0.1/", "http://[ff02::1]/",
			"http://255.255.255.255/", "http://240.0.0.1/", "http://192.0.0.170/", "http://198.18.0.1/",
			"http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://999.1.1.1/",
			// schemes other than http and https
			"file:///etc/passwd", "ftp://example.com/video.mp4", "gopher://127.0.0.1:{trap}/_GET%20/",
			"jar:http://example.com/video.jar!/video.mp4", "data:video/mp4;base64,AAAAIGZ0eXA=",
			"dict://127.0.0.1:{trap}/info", "ldap://127.0.0.1:{trap}/",
			// credentials and confusing authorities
			"http://user:pass@example.com/video.mp4", "http://example.com@127.0.0.1:{trap}/",
			"https://cdn.example.com:443@127.0.0.1:{trap}/", "http://evil.test%0d%0aX-Injected:1/",
			"http://[fe80::1%25eth0]/", "http:127.0.0.1:{trap}/", "http:///127.0.0.1:{trap}/",
			// names whose DNS answers lead inside (see resolver())
			"http://loopback.test:{trap}/", "http://private.test/", "http://imds.test/latest/meta-data/",
			"http://mixed.test/", "http://v6mapped.test:{trap}/", "http://nat64.test:{trap}/", "http://cgnat.test/",
			"http://ula.test/");

	private HostileUrls() {
	}

	/** A template with the trap's port filled in. */
	public static URI at(String template, int trapPort) {
		return URI.create(template.replace(TRAP, Integer.toString(trapPort)));
	}

	/** DNS for the hostile names, plus {@code public.test} at a public address. */
	public static StubResolver resolver() {
		try {
			byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1 };
			return new StubResolver().answer("loopback.test", "127.0.0.1")
				.answer("private.test", "10.1.2.3")
				.answer("imds.test", "169.254.169.254")
				.answer("mixed.test", "203.0.113.10", "10.0.0.7")
				// the JDK turns mapped addresses into IPv4; a resolver may not
				.answer("v6mapped.test", Inet6Address.getByAddress(null, mapped, -1))
				.answer("nat64.test", "64:ff9b::7f00:1")
				.answer("cgnat.test", "100.100.100.200")
				.answer("ula.test", "fd12:3456::1")
				.answer("public.test", "203.0.113.10");
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
