package dev.tracepaper.render;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.output.GeneratedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The runtime as every generated project gets it: a Maven repository below {@code .mvn/repository}
 * whose metadata names the jar, tests jar and pom of the version the generated pom depends on, a
 * pom that resolves without the parent, the runtime's classes in the jar and only the test support
 * in the tests jar.
 */
class RuntimeRepositoryTest {

  private static final String VERSION_FOLDER =
      RuntimeRepository.FOLDER
          + "/dev/tracepaper/tracepaper-runtime/"
          + RuntimeRepository.version()
          + "/";

  @Test
  void theGeneratedProjectHoldsTheRuntimeItsPomNames() throws Exception {
    Map<String, String> files =
        GeneratedGoldenTest.render(
            TestPaths.root().resolve("generator/src/test/resources/generated/shop/model.yaml"));
    assertThat(files.get("pom.xml"))
        .contains(
            "<artifactId>tracepaper-runtime</artifactId>\n      <version>"
                + RuntimeRepository.version()
                + "</version>");
    assertThat(files.get("pom.xml")).contains("<url>${project.baseUri}.mvn/repository</url>");
    assertThat(RuntimeRepository.files()).isNotEmpty();
  }

  @Test
  void theMetadataNamesTheJarTheTestsJarAndThePomThatAreThere() {
    Map<String, byte[]> files = files();
    String metadata = new String(files.get(VERSION_FOLDER + "maven-metadata.xml"), UTF_8);
    String timestamp = between(metadata, "<timestamp>", "</timestamp>");
    String build = between(metadata, "<buildNumber>", "</buildNumber>");
    String base =
        VERSION_FOLDER
            + "tracepaper-runtime-"
            + RuntimeRepository.version().replace("-SNAPSHOT", "")
            + "-"
            + timestamp
            + "-"
            + build;
    for (String file : List.of(base + ".jar", base + "-tests.jar", base + ".pom")) {
      assertWithMessage("%s, named by the metadata", file).that(files).containsKey(file);
      assertWithMessage("the checksum of %s", file).that(files).containsKey(file + ".sha1");
    }
    String pom = new String(files.get(base + ".pom"), UTF_8);
    assertWithMessage("the runtime's pom as shipped").that(pom).doesNotContain("<parent>");
    assertThat(pom).contains("<artifactId>dynamodb</artifactId>");
    assertThat(pom).contains("<version>2.57.8</version>");
  }

  @Test
  void theJarHoldsTheRuntimeAndTheTestsJarOnlyTheTestSupport() throws IOException {
    Map<String, byte[]> files = files();
    String jar = single(files, ".jar", "-tests.jar");
    String testsJar = single(files, "-tests.jar", null);
    List<String> runtime = classes(files.get(jar));
    assertThat(runtime).contains("dev/tracepaper/runtime/ProjectorHandler.class");
    assertThat(runtime).contains("dev/tracepaper/runtime/CommandRunner.class");
    assertThat(runtime.stream().filter(c -> c.contains("/testing/")).toList()).isEmpty();
    List<String> testing = classes(files.get(testsJar));
    assertThat(testing).contains("dev/tracepaper/runtime/testing/InMemoryEventStore.class");
    assertThat(testing).contains("dev/tracepaper/runtime/testing/Scenario.class");
    assertWithMessage("the runtime's own tests stay in its module")
        .that(testing.stream().filter(c -> !c.startsWith("dev/tracepaper/runtime/testing/")))
        .isEmpty();
  }

  private static Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    for (GeneratedFile file : RuntimeRepository.files()) {
      files.put(file.relativePath(), file.content());
    }
    return files;
  }

  private static String single(Map<String, byte[]> files, String suffix, String butNot) {
    List<String> found =
        files.keySet().stream()
            .filter(f -> f.endsWith(suffix) && (butNot == null || !f.endsWith(butNot)))
            .toList();
    assertWithMessage("files ending in %s", suffix).that(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> classes(byte[] jar) throws IOException {
    List<String> classes = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".class")) {
          classes.add(e.getName());
        }
      }
    }
    return classes;
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
  }
}
