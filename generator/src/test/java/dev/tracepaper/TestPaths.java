package dev.tracepaper;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the project's folders are, for tests that read examples and golden cases. */
public final class TestPaths {

  private TestPaths() {}

  /** The repository root (set by Surefire; falls back to the parent of the working directory). */
  public static Path root() {
    String configured = System.getProperty("tracepaper.root");
    Path root = configured != null ? Path.of(configured) : Path.of("..");
    root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("examples"))) {
      throw new IllegalStateException("no examples/ below " + root);
    }
    return root;
  }

  public static Path examples() {
    return root().resolve("examples");
  }

  public static Path golden() {
    return root().resolve("generator/src/test/resources/golden");
  }
}
