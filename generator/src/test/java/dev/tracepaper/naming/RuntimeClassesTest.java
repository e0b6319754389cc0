package dev.tracepaper.naming;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The runtime classes a model's names must not take are exactly those generated code imports: the
 * templates ({@code ${project.runtimePackage}.Caller}, {@code ...testing.Scenario}, {@code
 * ...AppSyncRequest.AuthType}), the data model builders ({@code runtimePackage + ".JsonValues"})
 * and the golden project's imports.
 */
class RuntimeClassesTest {

  private static final Pattern IMPORTED =
      Pattern.compile(
          "(?:runtimePackage\\}|runtimePackage(?:\\(\\))? \\+ \"|import dev\\.tracepaper\\.runtime)"
              + "\\.((?:(?:testing|automation)\\.)?[A-Z][A-Za-z]*(?:\\.[A-Z][A-Za-z]*)?)");

  @Test
  void theReservedRuntimeClassesAreTheOnesGeneratedCodeImports() throws IOException {
    Set<String> imported = new TreeSet<>();
    for (Path folder :
        List.of(
            TestPaths.root().resolve("templates"),
            TestPaths.root().resolve("generator/src/main/java/dev/tracepaper/render"),
            // What the expressions translate to (Expressions, Entities, JsonValues), as generated.
            TestPaths.root().resolve("generator/src/test/resources/generated/shop/expected"))) {
      try (Stream<Path> files = Files.walk(folder)) {
        // template.yaml names handlers by their qualified names: no import, nothing hidden.
        for (Path file :
            files
                .filter(Files::isRegularFile)
                .filter(f -> !f.getFileName().toString().endsWith(".yaml.ftl"))
                .toList()) {
          Matcher m = IMPORTED.matcher(Files.readString(file, StandardCharsets.UTF_8));
          while (m.find()) {
            String name = m.group(1);
            imported.add(name.substring(name.lastIndexOf('.') + 1));
          }
        }
      }
    }

    assertThat(imported).contains("Caller");
    assertThat(imported).contains("Scenario");
    assertThat(imported).contains("AuthType");
    assertThat(new TreeSet<>(Reserved.RUNTIME_CLASSES)).containsExactlyElementsIn(imported);
  }

  @Test
  void aModelClassNamedLikeAnImportedRuntimeClassIsRefused() {
    assertThat(Reserved.hiddenJavaClass("Input")).hasValue("the Tracepaper runtime's `Input`");
    assertThat(Reserved.hiddenJavaClass("Scenario"))
        .hasValue("the Tracepaper runtime's `Scenario`");
  }
}
