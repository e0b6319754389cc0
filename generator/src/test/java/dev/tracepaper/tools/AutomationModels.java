package dev.tracepaper.tools;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Models with automations beyond the examples': the examples have automations on events and on a
 * schedule, none run by a deployment and none reading Parameter Store.
 */
public final class AutomationModels {

  /** The automation {@link #clinicWithDeployment} adds. */
  public static final String DEPLOYMENT = "AnnounceRelease";

  private AutomationModels() {}

  /**
   * The clinic with {@code generator/src/test/resources/automations/deployment} beside it (an
   * automation after each deployment, its templates), written to {@code folder}.
   */
  public static Path clinicWithDeployment(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path added = TestPaths.root().resolve("generator/src/test/resources/automations/deployment");
    for (Path source : List.of(TestPaths.examples().resolve("clinic"), added)) {
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Files.copy(
              file,
              folder.resolve(file.getFileName().toString()),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return folder;
  }
}
