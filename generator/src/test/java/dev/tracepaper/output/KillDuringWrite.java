package dev.tracepaper.output;

import static dev.tracepaper.output.GeneratedFileTest.file;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process that regenerates {@link #FIRST} into {@link #SECOND} and kills itself (no shutdown
 * hook, no finally block runs) when the writer reaches a given step. Run by {@link PlanWriterTest}.
 */
final class KillDuringWrite {

  static final FileTree FIRST =
      FileTree.of(
          file("pom.xml", "<project/>\n"),
          file("src/main/java/a/A.java", "class A {}\n"),
          file("src/main/java/a/B.java", "class B {}\n"),
          file("src/main/java/gone/Gone.java", "class Gone {}\n"),
          new GeneratedFile("mvnw", "#!/bin/sh\n".getBytes(), true),
          new GeneratedFile(
              "src/main/java/a/Custom.java", "class Custom {}\n".getBytes(), false, true));

  static final FileTree SECOND =
      FileTree.of(
          file("pom.xml", "<project><v>2</v></project>\n"),
          file("src/main/java/a/A.java", "class A {}\n"),
          file("src/main/java/a/B.java", "class B { int b; }\n"),
          file("src/main/java/c/deep/C.java", "class C {}\n"),
          file("template.yaml", "Resources: {}\n"),
          new GeneratedFile("mvnw", "#!/bin/sh\n".getBytes(), true),
          new GeneratedFile(
              "src/main/java/a/Custom.java", "class Custom { v2 }\n".getBytes(), false, true));

  private KillDuringWrite() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    String killAt = args[1];
    PlanWriter writer =
        new PlanWriter(
            step -> {
              if (step.equals(killAt)) {
                Runtime.getRuntime().halt(137);
              }
            });
    Folders.generate(out, SECOND, writer);
  }
}
