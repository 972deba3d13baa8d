package io.reelay.deploy;

import java.util.List;
import java.util.Map;

/**
 * One Reelay service as a deployment file runs it.
 *
 * @param origin where it is defined, for messages, e.g.
 * {@code deploy/compose/compose.yaml, service submitter}
 * @param name the compose service's or the Deployment's name
 * @param stage submitter, poller or downloader
 * @param environment every variable the container gets, those from ConfigMaps included;
 * values from Secrets or the downward API as {@code <from ...>}
 * @param port the container port its HTTP server is published on
 * @param checks its health checks by kind (compose: {@code healthcheck}; Kubernetes:
 * {@code startup}, {@code liveness}, {@code readiness})
 */
record StageContainer(String origin, String name, String stage, Map<String, String> environment, int port,
		Map<String, HttpCheck> checks) {

	static final List<String> STAGES = List.of("submitter", "poller", "downloader");

	/** The stage an image runs, e.g. {@code registry/reelay-poller:1.0} is the poller. */
	static String stageOfImage(String image) {
		if (image == null) {
			return null;
		}
		String name = image.substring(image.lastIndexOf('/') + 1);
		name = (name.indexOf(':') >= 0) ? name.substring(0, name.indexOf(':')) : name;
		for (String stage : STAGES) {
			if (name.equals("reelay-" + stage)) {
				return stage;
			}
		}
		return null;
	}

	/** An HTTP GET a health check makes. */
	record HttpCheck(int port, String path) {

	}

}
