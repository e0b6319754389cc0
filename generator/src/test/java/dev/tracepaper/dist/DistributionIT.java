package dev.tracepaper.dist;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.tools.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive `package` made, as a user gets it: unpacked with {@code tar} into an
 * empty folder, its {@code bin/tracepaper} runs with only a JDK (named by JAVA_HOME, while the java
 * on the PATH is one that must not be used), keeps its class-data archive in the user's cache
 * folder and writes nothing into the install folder. Runs in {@code verify} (Failsafe), after
 * {@code package} made the archive.
 */
class DistributionIT {

  @TempDir static Path temp;

  private static Path install;
  private static Path cache;
  private static Path decoyBin;
  private static String version;

  @BeforeAll
  static void unpack() throws Exception {
    ExternalTool.requireOrSkip("tar", "unpacking the distribution");
    Path archive = Path.of(System.getProperty("tracepaper.distribution"));
    assertWithMessage("the archive `package` makes").that(Files.isRegularFile(archive)).isTrue();
    version = GeneratorVersion.read().orElseThrow();
    Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
    Result tar = run(unpacked, Map.of(), "tar", "-xzf", archive.toString());
    assertWithMessage(tar.output).that(tar.code).isEqualTo(0);
    install = unpacked.resolve("tracepaper-" + version);
    cache = temp.resolve("cache");
    // A java first on the PATH that fails: the runs below pass only with JAVA_HOME's.
    decoyBin = Files.createDirectories(temp.resolve("decoy-bin"));
    Path decoy = Files.writeString(decoyBin.resolve("java"), "#!/bin/sh\nexit 97\n");
    Files.setPosixFilePermissions(decoy, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void holdsTheLaunchersTheJarTheExamplesAndTheReadme() throws IOException {
    assertThat(Files.isExecutable(install.resolve("bin/tracepaper"))).isTrue();
    assertThat(Files.isRegularFile(install.resolve("bin/tracepaper.cmd"))).isTrue();
    assertThat(Files.isRegularFile(install.resolve("lib/tracepaper.jar"))).isTrue();
    assertThat(Files.isRegularFile(install.resolve("examples/library/catalog.yaml"))).isTrue();
    assertThat(Files.readString(install.resolve("README.md"))).contains("bin/tracepaper");
    assertThat(Files.readString(install.resolve("LICENSE"))).contains("Apache License");
    assertThat(Files.readString(install.resolve("bin/tracepaper.cmd"))).contains("\r\n");
    assertThat(Files.readString(install.resolve("bin/tracepaper")))
        .contains("/tracepaper/" + version + "\"");
  }

  @Test
  void theZipHoldsWhatTheTarHolds() throws Exception {
    Path tarGz = Path.of(System.getProperty("tracepaper.distribution"));
    Path zip = tarGz.resolveSibling(tarGz.getFileName().toString().replace(".tar.gz", ".zip"));
    Result listing = run(temp, Map.of(), "tar", "-tzf", tarGz.toString());
    TreeSet<String> inTar = new TreeSet<>();
    listing.output.lines().filter(l -> !l.endsWith("/")).forEach(inTar::add);
    TreeSet<String> inZip = new TreeSet<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Collections.list(file.entries()).stream()
          .filter(e -> !e.isDirectory())
          .forEach(e -> inZip.add(e.getName()));
    }
    assertThat(inZip).containsExactlyElementsIn(inTar);
  }

  @Test
  void runsWithOnlyAJdkAndKeepsItsArchiveOutsideTheInstallFolder() throws Exception {
    List<String> before = listing(install);

    Result versionRun = tracepaper(install, "--version");
    Result valid = tracepaper(install, "validate", "examples/library");
    Result invalid = tracepaper(install, "validate", "examples/invalid/unknown-key.yaml");

    assertWithMessage(versionRun.output).that(versionRun.code).isEqualTo(0);
    assertThat(versionRun.output).startsWith("tracepaper " + version + "\n");
    assertWithMessage(valid.output).that(valid.code).isEqualTo(0);
    assertThat(valid.output)
        .isEqualTo("The model is valid: 0 errors, 0 warnings, 0 notes in 5 files.\n");
    assertWithMessage(invalid.output).that(invalid.code).isEqualTo(1);
    assertThat(invalid.output).contains("unknown-key.yaml:8:5: error[UnknownKey]");
    assertThat(listing(install)).isEqualTo(before);
    try (Stream<Path> archives = Files.list(cache.resolve("tracepaper").resolve(version))) {
      assertThat(archives.map(p -> p.getFileName().toString()).toList())
          .comparingElementsUsing(
              com.google.common.truth.Correspondence.<String, String>from(
                  String::endsWith, "ends with"))
          .containsAnyOf(".jsa", ".aot");
    }
  }

  @Test
  void makesNoArchiveUnderCi() throws Exception {
    Path ciCache = temp.resolve("ci-cache");

    Result run =
        run(
            install,
            Map.of(
                "CI", "true",
                "JAVA_HOME", System.getProperty("java.home"),
                "XDG_CACHE_HOME", ciCache.toString()),
            install.resolve("bin/tracepaper").toString(),
            "validate",
            "examples/library");

    assertWithMessage(run.output).that(run.code).isEqualTo(0);
    assertThat(Files.exists(ciCache)).isFalse();
  }

  @Test
  void theJarRunsWithJavaDashJarAndThePlainJarNamesTheSameMainClass() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Result run = run(install, Map.of(), java.toString(), "-jar", "lib/tracepaper.jar", "--version");
    assertWithMessage(run.output).that(run.code).isEqualTo(0);
    assertThat(run.output).startsWith("tracepaper " + version);

    Path target = Path.of(System.getProperty("tracepaper.distribution")).getParent();
    try (JarFile shaded = new JarFile(install.resolve("lib/tracepaper.jar").toFile());
        JarFile plain =
            new JarFile(target.resolve("tracepaper-generator-" + version + ".jar").toFile())) {
      String main = shaded.getManifest().getMainAttributes().getValue("Main-Class");
      assertThat(main).isEqualTo("dev.tracepaper.cli.Main");
      assertThat(plain.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(main);
    }
  }

  private static Result tracepaper(Path folder, String... args) throws Exception {
    List<String> line = new ArrayList<>(List.of(install.resolve("bin/tracepaper").toString()));
    line.addAll(List.of(args));
    return run(
        folder,
        Map.of(
            "JAVA_HOME", System.getProperty("java.home"),
            "PATH", decoyBin + ":/usr/bin:/bin",
            "XDG_CACHE_HOME", cache.toString(),
            "HOME", temp.resolve("home").toString()),
        line.toArray(String[]::new));
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.map(p -> folder.relativize(p).toString()).sorted().toList();
    }
  }

  private record Result(int code, String output) {}

  private static Result run(Path folder, Map<String, String> env, String... line)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(line).directory(folder.toFile());
    builder.environment().remove("TRACEPAPER_JAVA_OPTS");
    builder.environment().remove("TRACEPAPER_CACHE_DIR");
    builder.environment().remove("CI");
    builder.environment().putAll(env);
    Process process = builder.redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", line) + " did not finish in two minutes");
    }
    return new Result(process.exitValue(), output);
  }
}
