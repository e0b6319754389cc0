package dev.tracepaper.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK that can build generated projects (Java 21 or newer): {@code JAVA_HOME} first, then
 * the JDKs under {@code /usr/lib/jvm}, newest first.
 */
public final class Jdks {

  /** The Java release generated projects are compiled for. */
  public static final int GENERATED_RELEASE = 21;

  private static final Pattern RELEASE = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private Jdks() {}

  public static Optional<Path> forGeneratedProjects() {
    List<Path> candidates = new ArrayList<>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null && !javaHome.isBlank()) {
      candidates.add(Path.of(javaHome));
    }
    candidates.add(Path.of(System.getProperty("java.home")));
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> installed = Files.list(jvms)) {
        installed
            .sorted(Comparator.comparingInt(Jdks::release).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        // No listing: only JAVA_HOME counts.
      }
    }
    return candidates.stream()
        .filter(jdk -> Files.isExecutable(jdk.resolve("bin/javac")))
        .filter(jdk -> release(jdk) >= GENERATED_RELEASE)
        .findFirst();
  }

  /** The feature release a JDK's {@code release} file names; 0 when it names none. */
  static int release(Path jdk) {
    try {
      Matcher m = RELEASE.matcher(Files.readString(jdk.resolve("release")));
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** What to tell a developer whose machine has no suitable JDK. */
  public static String missingMessage() {
    return "Building a generated project needs a JDK "
        + GENERATED_RELEASE
        + " or newer; none was found in JAVA_HOME, the running JVM or /usr/lib/jvm. Install one"
        + " and point JAVA_HOME at it.";
  }
}
