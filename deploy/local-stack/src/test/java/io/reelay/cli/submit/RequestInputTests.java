package io.reelay.cli.submit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import io.reelay.event.VideoRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The request {@code reelay submit} builds from its options and file, before any broker.
 */
class RequestInputTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final RequestInput input = new RequestInput(Clock.fixed(NOW, ZoneOffset.UTC));

	@TempDir
	Path directory;

	@Test
	void buildsTheRequestFromOptionsWithANewRequestId() {
		VideoRequested request = read(null, "--provider", "openai", "--model", "veo-3.1-fast-generate-preview",
				"--prompt", "A city at night", "--duration", "8", "--size", "720p", "--aspect-ratio", "16:9",
				"--no-generate-audio", "--deadline", "30m", "--provider-option", "quality=high", "--provider-option",
				"steps=20", "--provider-option", "style={\"tone\":\"warm\"}", "--metadata", "team=cli");

		assertThat(UUID.fromString(request.requestId())).isNotNull();
		assertThat(request.provider()).isEqualTo("openai");
		assertThat(request.duration()).isEqualTo(8);
		assertThat(request.resolution()).isEqualTo("720p");
		assertThat(request.aspectRatio()).isEqualTo("16:9");
		assertThat(request.generateAudio()).isFalse();
		assertThat(request.enhancePrompt()).isNull();
		assertThat(request.deadline()).isEqualTo(NOW.plusSeconds(1800));
		assertThat(request.providerOptions()).containsEntry("quality", "high")
			.containsEntry("steps", 20)
			.containsKey("style");
		assertThat(request.metadata()).containsEntry("team", "cli");
	}

	@Test
	void putsTheOptionsOnTopOfTheFileAndKeepsWhatTheyDoNotName() throws IOException {
		Path file = this.directory.resolve("request.json");
		Files.writeString(file, """
				{"requestId": "r-1", "provider": "tchavi", "model": "seedance-2", "prompt": "Waves",
				 "duration": 5, "metadata": {"team": "file", "owner": "ada"}, "deadline": "2026-11-21T11:00:00Z"}
				""");

		VideoRequested request = read(null, "--file", file.toString(), "--duration", "4", "--metadata", "team=cli");

		assertThat(request.requestId()).isEqualTo("r-1");
		assertThat(request.prompt()).isEqualTo("Waves");
		assertThat(request.duration()).isEqualTo(4);
		assertThat(request.deadline()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
		assertThat(request.metadata()).containsEntry("team", "cli").containsEntry("owner", "ada");
	}

	@Test
	void readsTheRequestFromStandardInput() {
		InputStream stdin = new ByteArrayInputStream(
				"{\"provider\":\"generic\",\"model\":\"sim-video-1\",\"prompt\":\"Rain\"}"
					.getBytes(StandardCharsets.UTF_8));

		VideoRequested request = read(stdin, "--file", "-");

		assertThat(request.model()).isEqualTo("sim-video-1");
		assertThat(request.requestId()).isNotBlank();
	}

	@Test
	void sendsALocalImageInlineAsADataUrlAndOtherReferencesAsTheyAre() throws IOException {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
		Path frame = Files.write(this.directory.resolve("frame.png"), png);

		VideoRequested request = read(null, "--provider", "tchavi", "--model", "seedance-2", "--prompt", "Waves",
				"--image", frame.toString(), "--reference-image", "s3://reelay-videos/inputs/a.png",
				"--reference-image", "https://cdn.example.com/b.jpg");

		assertThat(request.image()).isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
		assertThat(request.referenceImages()).containsExactly("s3://reelay-videos/inputs/a.png",
				"https://cdn.example.com/b.jpg");
	}

	@Test
	void refusesAFileTooLargeToSendInline() throws IOException {
		Path frame = Files.write(this.directory.resolve("large.png"), new byte[600 * 1024]);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> read(null, "--provider", "tchavi", "--model", "seedance-2", "--image", frame.toString()))
			.withMessageContaining("more than the 512 KB a request carries inline")
			.withMessageContaining("s3://bucket/key");
	}

	@Test
	void namesEveryProblemOfAnInvalidRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> read(null, "--request-id", "a b", "--deadline", "2026-11-21T09:00:00Z"))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(
					"provider: required, one of [aimlapi, generic, minimax, openai, tchavi]",
					"requestId: 'a b' must be 1 to 128 letters, digits, '.', '_' or '-', not starting with '.'",
					"model: required", "deadline: 2026-11-21T09:00:00Z has already passed"));
	}

	@Test
	void refusesAFileThatIsNotARequest() throws IOException {
		Path file = Files.writeString(this.directory.resolve("broken.json"), "{\"provider\": ");

		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> read(null, "--file", file.toString()))
			.withMessageContaining("--file: " + file + " is not a VideoRequested in JSON");
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> read(null, "--file", this.directory.resolve("missing.json").toString()))
			.withMessageContaining("does not exist");
	}

	@Test
	void refusesADeadlineItCannotRead() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> read(null, "--provider", "generic", "--model", "m", "--deadline", "tomorrow"))
			.withMessageContaining("--deadline: 'tomorrow' is neither an instant");
	}

	private VideoRequested read(InputStream stdin, String... arguments) {
		SubmitCommand command = new SubmitCommand();
		new CommandLine(command).parseArgs(arguments);
		return this.input.read(command.file, stdin, command.flags);
	}

}
