package io.reelay.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed renders under deploy/k8s/rendered are what the overlays render today: a
 * change of the base or an overlay without render.sh would leave the other tests reading
 * stale manifests.
 */
class RenderedManifestsTests {

	@Test
	void everyOverlayHasItsRender() {
		assertThat(RepositoryFiles.renderedManifests()).extracting((file) -> file.getFileName().toString())
			.containsExactlyInAnyOrderElementsOf(
					RepositoryFiles.overlays().stream().map((overlay) -> overlay.getFileName() + ".yaml").toList());
	}

	@Test
	void theCommittedRendersAreWhatKustomizeRendersToday(@TempDir Path fresh) throws Exception {
		assumeTrue(onPath("kubectl") || onPath("kustomize"),
				"neither kubectl nor kustomize is on the PATH: the committed renders cannot be compared with a fresh "
						+ "render (the other deployment tests still check them)");
		ProcessBuilder render = new ProcessBuilder("sh", RepositoryFiles.K8S.resolve("render.sh").toString())
			.redirectErrorStream(true)
			.redirectOutput(fresh.resolve("render.log").toFile());
		render.environment().put("RENDERED_DIR", fresh.resolve("rendered").toString());
		Process process = render.start();
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("render.sh ends within 2 minutes").isTrue();
		assertThat(process.exitValue()).as("render.sh: %s", Files.readString(fresh.resolve("render.log"))).isZero();

		for (Path committed : RepositoryFiles.renderedManifests()) {
			Path rendered = fresh.resolve("rendered").resolve(committed.getFileName());
			assertThat(Files.readString(committed))
				.as("%s is stale: run deploy/k8s/render.sh and commit the result", RepositoryFiles.relative(committed))
				.isEqualTo(Files.readString(rendered));
		}
	}

	private static boolean onPath(String command) {
		String path = System.getenv("PATH");
		List<String> directories = (path != null) ? List.of(path.split(File.pathSeparator)) : List.of();
		return directories.stream().map((directory) -> Path.of(directory, command)).anyMatch(Files::isExecutable);
	}

}
