package dev.tracepaper.render;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.output.GeneratedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime library (the {@code runtime/} module) as a Maven repository, which {@code generate}
 * writes into every project below {@value #FOLDER} and the generated {@code pom.xml} declares: a
 * generated project builds with nothing but a JDK, and gets the runtime its generator was built
 * with (docs/runtime.md).
 *
 * <p>The runtime's build deploys it into {@code runtime/target/repository} at {@code package}, so
 * Maven itself writes the layout and its metadata; the generator's build copies that folder to its
 * class path folder {@value #RESOURCES}.
 */
public final class RuntimeRepository {

  /** Where a generated project holds the repository. */
  public static final String FOLDER = ".mvn/repository";

  /** The runtime's Maven coordinates, as the generated pom names them. */
  public static final String GROUP_ID = "dev.tracepaper";

  public static final String ARTIFACT_ID = "tracepaper-runtime";

  private static final String RESOURCES = "runtime-repository";

  private RuntimeRepository() {}

  /** The runtime's version: the generator's own, as the two are built and released together. */
  public static String version() {
    return GeneratorVersion.read()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no dev/tracepaper/version.properties on the class path"));
  }

  /**
   * Every file of the repository as a file of the generated project: the runtime's pom, jar and
   * tests jar, with Maven's metadata and checksums.
   *
   * @throws IllegalStateException when the generator was built without the runtime's repository or
   *     with another version of it
   */
  public static List<GeneratedFile> files() {
    return Loaded.FILES;
  }

  /** Read once, on first use: {@code generate} writes the same files for every project. */
  private static final class Loaded {
    static final List<GeneratedFile> FILES = load();
  }

  private static List<GeneratedFile> load() {
    List<String> paths = TemplateCatalog.filesBelow(RESOURCES);
    String version = version();
    String versionFolder =
        GROUP_ID.replace('.', '/') + "/" + ARTIFACT_ID + "/" + version + "/maven-metadata.xml";
    if (!paths.contains(versionFolder)) {
      throw new IllegalStateException(
          "the generator was built without the runtime "
              + version
              + " (no "
              + RESOURCES
              + "/"
              + versionFolder
              + " on the class path): build the runtime module first, e.g. `./mvnw package"
              + " -DskipTests` in the repository's root");
    }
    List<GeneratedFile> files = new ArrayList<>(paths.size());
    for (String path : paths) {
      files.add(
          new GeneratedFile(FOLDER + "/" + path, TemplateCatalog.read(RESOURCES + "/" + path)));
    }
    return List.copyOf(files);
  }
}
