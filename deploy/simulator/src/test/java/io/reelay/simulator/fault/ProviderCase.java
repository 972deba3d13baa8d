package io.reelay.simulator.fault;

import java.net.http.HttpResponse;
import java.util.Locale;

import io.reelay.simulator.ProviderSimulator;
import io.reelay.simulator.SimulatorHttp;
import tools.jackson.databind.JsonNode;

/**
 * How to create and poll a job on each provider, and where its errors keep their code.
 */
public enum ProviderCase {

	GENERIC("generic", "/v1/videos/generations", "{'model':'m','prompt':'%s'}", "id", "/v1/videos/generations/%s"),

	MINIMAX("minimax", "/v1/video_generation", "{'model':'T2V-01','prompt':'%s'}", "task_id",
			"/v1/query/video_generation?task_id=%s"),

	AIMLAPI("aimlapi", "/v2/video/generations", "{'model':'video-01','prompt':'%s'}", "id",
			"/v2/video/generations?generation_id=%s"),

	TCHAVI("tchavi", "/v1/videos/generations", "{'model':'seedance-2','prompt':'%s'}", "id", "/v1/jobs/%s"),

	OPENAI("openai", "/v1/videos", "{'model':'sora-2','prompt':'%s'}", "id", "/v1/videos/%s");

	public final String provider;

	private final String createPath;

	private final String createBody;

	private final String idField;

	private final String statusPath;

	ProviderCase(String provider, String createPath, String createBody, String idField, String statusPath) {
		this.provider = provider;
		this.createPath = createPath;
		this.createBody = createBody;
		this.idField = idField;
		this.statusPath = statusPath;
	}

	public static ProviderCase of(String provider) {
		return valueOf(provider.toUpperCase(Locale.ROOT));
	}

	public HttpResponse<byte[]> create(ProviderSimulator simulator, String prompt) {
		return new SimulatorHttp(simulator, this.provider).post(this.createPath, this.createBody.formatted(prompt));
	}

	public String createdId(ProviderSimulator simulator, String prompt) {
		return SimulatorHttp.body(create(simulator, prompt)).path(this.idField).asString();
	}

	public HttpResponse<byte[]> status(ProviderSimulator simulator, String id) {
		return new SimulatorHttp(simulator, this.provider).get(this.statusPath.formatted(id));
	}

	/** The error code of an answer, wherever this provider puts it. */
	public String errorCode(HttpResponse<byte[]> answer) {
		JsonNode body = SimulatorHttp.body(answer);
		return switch (this) {
			case MINIMAX -> body.path("base_resp").path("status_code").asString();
			case AIMLAPI -> body.path("statusCode").asString();
			default -> body.path("error").path("code").asString();
		};
	}

}
