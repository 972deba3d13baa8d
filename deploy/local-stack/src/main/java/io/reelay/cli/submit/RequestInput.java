package io.reelay.cli.submit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.reelay.event.EventJson;
import io.reelay.event.VideoRequested;
import io.reelay.provider.aimlapi.AimlapiProvider;
import io.reelay.provider.generic.GenericProvider;
import io.reelay.provider.minimax.MinimaxProvider;
import io.reelay.provider.openai.OpenAiProvider;
import io.reelay.provider.tchavi.TchaviProvider;
import io.reelay.submitter.RequestChecks;
import tools.jackson.core.JacksonException;

/**
 * The request {@code reelay submit} sends: a JSON file (or standard input) if one is
 * given, the options on top, a new request id if neither has one; checked as far as
 * anything can be checked here, the same way the submitter checks it first.
 */
final class RequestInput {

	/** Every provider API this version of Reelay drives. */
	static final Set<String> PROVIDERS = Set.of(GenericProvider.NAME, MinimaxProvider.NAME, AimlapiProvider.NAME,
			TchaviProvider.NAME, OpenAiProvider.NAME);

	private final Clock clock;

	RequestInput(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param file a JSON request, {@code -} for standard input, or null
	 * @throws InvalidRequestException naming every problem found
	 */
	VideoRequested read(String file, InputStream stdin, RequestFlags flags) {
		VideoRequested base = (file != null) ? parse(file, stdin) : VideoRequested.builder().build();
		VideoRequested request = flags.applyTo(base.toBuilder(), base, new RequestValues(this.clock)).build();
		if (request.requestId() == null || request.requestId().isEmpty()) {
			request = request.withRequestId(UUID.randomUUID().toString());
		}
		List<String> problems = new ArrayList<>();
		if (request.provider() == null || request.provider().isBlank()) {
			problems.add("provider: required, one of " + sorted(PROVIDERS));
		}
		else if (!PROVIDERS.contains(request.provider())) {
			problems.add("provider: '" + request.provider() + "' is unknown, one of " + sorted(PROVIDERS));
		}
		problems.addAll(RequestChecks.problems(request, this.clock.instant()));
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return request;
	}

	private static VideoRequested parse(String file, InputStream stdin) {
		String source = "-".equals(file) ? "standard input" : file;
		byte[] json;
		try {
			json = "-".equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
		}
		catch (NoSuchFileException ex) {
			throw new InvalidRequestException("--file: " + file + " does not exist");
		}
		catch (IOException ex) {
			throw new InvalidRequestException("--file: cannot read " + source + ": " + ex.getMessage());
		}
		try {
			VideoRequested request = EventJson.read(json, VideoRequested.class);
			if (request == null) {
				throw new InvalidRequestException("--file: " + source + " holds no request");
			}
			return request;
		}
		catch (JacksonException ex) {
			throw new InvalidRequestException("--file: " + source
					+ " is not a VideoRequested in JSON (see docs/events.md): " + ex.getOriginalMessage());
		}
	}

	private static List<String> sorted(Set<String> names) {
		return names.stream().sorted().toList();
	}

}
