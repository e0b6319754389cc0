package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --templates DIR} with new templates listed in {@code DIR/templates.yaml}. */
class ExtraTemplatesTest {

  @TempDir Path temp;

  private Path templates;

  private static String library() {
    return TestPaths.examples().resolve("library").toString();
  }

  private void write(String path, String text) throws IOException {
    if (templates == null) {
      templates = temp.resolve("templates");
    }
    Path file = templates.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private CliTest.Run generate(Path out) {
    return CliTest.run(
        "generate", library(), "-o", out.toString(), "--templates", templates.toString());
  }

  private String config() {
    return templates.resolve("templates.yaml").toString();
  }

  @Test
  void anExtraTemplateRendersOnceOrPerElementToItsOutput() throws IOException {
    write(
        "templates.yaml",
        """
        extra:
          - template: docs/ARCHITECTURE.md.ftl
          - template: audit/Audit.java.ftl
            each: aggregate
            output: "src/main/java/${aggregate.javaPackage?replace('.', '/')}/${aggregate.name}Audit.java"
          - template: docs/command.md.ftl
            each: command
            output: docs/commands/${command.mutation}.md
        """);
    write(
        "docs/ARCHITECTURE.md.ftl",
        "# ${project.name}\n<#list project.aggregates as a>- ${a.name}\n</#list>");
    write(
        "audit/Audit.java.ftl",
        "package ${aggregate.javaPackage};\n\nfinal class ${aggregate.name}Audit {}\n");
    write("docs/command.md.ftl", "${command.name} on ${aggregate.name} (${project.name})\n");
    Path plain = temp.resolve("plain");
    Path custom = temp.resolve("custom");
    CliTest.run("generate", library(), "-o", plain.toString());

    CliTest.Run run = generate(custom);

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(0);
    Map<String, String> expected = generated(plain);
    expected.put("docs/ARCHITECTURE.md", "# library\n- Book\n- Membership\n");
    expected.put(
        "src/main/java/com/example/library/book/BookAudit.java",
        "package com.example.library.book;\n\nfinal class BookAudit {}\n");
    expected.put(
        "src/main/java/com/example/library/membership/MembershipAudit.java",
        "package com.example.library.membership;\n\nfinal class MembershipAudit {}\n");
    for (String[] command :
        new String[][] {
          {"registerBook", "RegisterBook", "Book"},
          {"lendBook", "LendBook", "Book"},
          {"returnBook", "ReturnBook", "Book"},
          {"joinLibrary", "JoinLibrary", "Membership"},
          {"reportLoanLost", "ReportLoanLost", "Membership"},
          {"cancelMembership", "CancelMembership", "Membership"}
        }) {
      expected.put(
          "docs/commands/" + command[0] + ".md", command[1] + " on " + command[2] + " (library)\n");
    }
    Map<String, String> actual = generated(custom);
    assertThat(actual).isEqualTo(expected);
  }

  /**
   * The test: the exported built-ins, unchanged, generate byte for byte what the default
   * run does; then one of them overridden and one new template listed change exactly those files.
   */
  @Test
  void exportedTemplatesWithOneOverrideAndOneExtraChangeExactlyThoseFiles() throws IOException {
    templates = temp.resolve("templates");
    assertThat(CliTest.run("templates", "export", templates.toString()).exitCode()).isEqualTo(0);
    Path plain = temp.resolve("plain");
    Path exported = temp.resolve("exported");
    Path custom = temp.resolve("custom");
    CliTest.run("generate", library(), "-o", plain.toString());

    assertThat(generate(exported).exitCode()).isEqualTo(0);
    assertThat(hashes(exported)).isEqualTo(hashes(plain));

    write("README.md.ftl", "# ${project.name}, our way\n");
    write("docs/NOTES.md.ftl", "Notes on ${project.name}\n");
    write("templates.yaml", "extra:\n  - template: docs/NOTES.md.ftl\n");
    assertThat(generate(custom).exitCode()).isEqualTo(0);

    Map<String, String> expected = generated(plain);
    expected.put("README.md", "# library, our way\n");
    expected.put("docs/NOTES.md", "Notes on library\n");
    assertThat(generated(custom)).isEqualTo(expected);
  }

  @Test
  void anExtraStubIsCreatedOnceAndThenLeftToItsOwner() throws IOException {
    write(
        "templates.yaml",
        """
        extra:
          - template: starter/Notes.md.ftl
            each: aggregate
            output: notes/${aggregate.name}.md
            stub: true
        """);
    write("starter/Notes.md.ftl", "# Notes on ${aggregate.name}\n");
    Path out = temp.resolve("out");
    assertThat(generate(out).exitCode()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("notes/Book.md"))).isEqualTo("# Notes on Book\n");

    Files.writeString(out.resolve("notes/Book.md"), "# Notes on Book\n\nMine now.\n");
    write("starter/Notes.md.ftl", "# Changed ${aggregate.name}\n");
    CliTest.Run again = generate(out);

    assertThat(again.err()).isEmpty();
    assertThat(again.exitCode()).isEqualTo(0);
    assertThat(Files.readString(out.resolve("notes/Book.md")))
        .isEqualTo("# Notes on Book\n\nMine now.\n");
    assertThat(Files.readString(out.resolve("notes/Membership.md")))
        .isEqualTo("# Notes on Membership\n");
  }

  @Test
  void aCopiedFileIsOverriddenToo() throws IOException {
    write("gitignore", "target/\n.idea/\n");
    Path out = temp.resolve("out");

    assertThat(generate(out).exitCode()).isEqualTo(0);

    assertThat(Files.readString(out.resolve(".gitignore"))).isEqualTo("target/\n.idea/\n");
  }

  @Test
  void listShowsOverridesAndExtras() throws IOException {
    write("README.md.ftl", "# ours\n");
    write("docs/A.md.ftl", "A\n");
    write(
        "templates.yaml",
        "extra:\n  - template: docs/A.md.ftl\n    each: view\n    output: docs/${view.name}.md\n");

    CliTest.Run run = CliTest.run("templates", "list", "--templates", templates.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.out()).containsMatch("README.md.ftl +README.md \\(overridden in .*\\)");
    assertThat(run.out())
        .containsMatch("docs/A.md.ftl +docs/\\$\\{view.name}.md, per view \\(extra, from .*\\)");
  }

  // Each problem of a templates folder: exit 2, the place and the exact message, nothing written.

  private void assertRefused(String yaml, String... problems) throws IOException {
    write("docs/A.md.ftl", "A\n");
    write("templates.yaml", yaml);
    Path out = temp.resolve("out");

    CliTest.Run run = generate(out);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .startsWith(
            "tracepaper: the templates folder cannot be used as it is; nothing was written:\n");
    for (String problem : problems) {
      assertThat(run.err()).contains("\n" + problem.replace("CONFIG", config()) + "\n");
    }
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void aConfigThatIsNotValidYaml() throws IOException {
    assertRefused(
        "extra:\n  - template: [docs/A.md.ftl\n",
        "CONFIG:2:15: The `[` on line 2 opens a list that is not closed with `]` on its line."
            + " (The YAML parser says: while parsing a flow sequence: expected ',' or ']', but got"
            + " <stream end>.) (close it: `- template: [docs/A.md.ftl]`)");
  }

  @Test
  void aConfigThatIsNotAMapping() throws IOException {
    assertRefused(
        "- template: docs/A.md.ftl\n",
        "CONFIG:1:1: templates.yaml holds a mapping whose one key is `extra` (a list of"
            + " templates).");
    assertRefused(
        "extra: docs/A.md.ftl\n",
        "CONFIG:1:8: `extra` is a list of templates (`- template: …`), not a text.");
  }

  @Test
  void anUnknownKey() throws IOException {
    assertRefused(
        "extras:\n  - template: docs/A.md.ftl\n",
        "CONFIG:1:1: `extras` is not a key of templates.yaml; it takes `extra` (did you mean"
            + " `extra`?).");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    outptu: A.md\n",
        "CONFIG:3:5: `outptu` is not a key of an entry of `extra`; it takes `template`, `each`,"
            + " `output`, `stub` (did you mean `output`?).");
  }

  @Test
  void aListedTemplateMissingFromTheFolder() throws IOException {
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n  - template: docs/B.md.ftl\n",
        "CONFIG:3:15: `docs/B.md.ftl` is listed, but "
            + temp.resolve("templates/docs/B.md.ftl")
            + " does not exist.");
  }

  @Test
  void aListedBuiltInIsAnOverrideAlready() throws IOException {
    write("README.md.ftl", "# ours\n");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n  - template: README.md.ftl\n",
        "CONFIG:3:15: `README.md.ftl` is a built-in template: "
            + temp.resolve("templates/README.md.ftl")
            + " overrides it already, no need to list it.");
  }

  @Test
  void anUnknownEach() throws IOException {
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    each: aggregates\n    output: x.md\n",
        "CONFIG:3:11: `each: aggregates` is not a kind of element; it is one of project,"
            + " aggregate, entity, event, command, policy, view, type, enum (did you mean"
            + " `aggregate`?).");
  }

  @Test
  void aPerElementTemplateWithoutOutput() throws IOException {
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    each: view\n",
        "CONFIG:3:11: `docs/A.md.ftl` is rendered once per view, so it needs an `output` naming a"
            + " different file for each (e.g. with ${view.name}).");
  }

  @Test
  void anOutputOutsideTheProject() throws IOException {
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: /tmp/A.md\n",
        "CONFIG:3:13: the output `/tmp/A.md` is absolute; it must be relative to the project.");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: docs/../../A.md\n",
        "CONFIG:3:13: the output `docs/../../A.md` escapes the project (`..`).");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: \"${'..'}/A.md\"\n",
        "CONFIG:3:14: `docs/A.md.ftl` for the project renders to `../A.md`, which escapes the"
            + " project (`..`).");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: .tracepaper/A.md\n",
        "CONFIG:3:13: `docs/A.md.ftl` for the project renders to `.tracepaper/A.md`, which is not"
            + " a valid path: .tracepaper/ is kept for the writer's manifest.");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: docs/aux.md\n",
        "CONFIG:3:13: `docs/A.md.ftl` for the project renders to `docs/aux.md`, which is not a"
            + " valid path: `aux.md` is a reserved device name on Windows.");
  }

  @Test
  void outputsThatCollide() throws IOException {
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: readme.md\n",
        "CONFIG:3:13: `docs/A.md.ftl` for the project renders to `readme.md`, which is also the"
            + " output of the built-in template `README.md.ftl`.");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    each: aggregate\n    output: A.md\n",
        "CONFIG:4:13: `docs/A.md.ftl` for aggregate `Membership` renders to `A.md`, which is also"
            + " the output of `docs/A.md.ftl` for aggregate `Book`.");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: README.md/A.md\n",
        "CONFIG:3:13: `docs/A.md.ftl` for the project renders to `README.md/A.md`, which needs the"
            + " folder `README.md`, a file of the built-in template `README.md.ftl`.");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n    output: src/main\n",
        "CONFIG:3:13: `docs/A.md.ftl` for the project renders to `src/main`, which is a folder of"
            + " the output of the built-in template `src/main/java/EventPublisher.java.ftl`.");
  }

  @Test
  void aTemplateNeitherBuiltInNorListed() throws IOException {
    write("Readme.md.ftl", "# ours\n");
    write("aggregate/State.java.ftl", "x");
    write("lib/audit.ftl", "<#macro audit></#macro>");
    write(".git/HEAD", "ref: refs/heads/main\n");
    write("docs/.DS_Store", "");
    assertRefused(
        "extra:\n  - template: docs/A.md.ftl\n",
        temp.resolve("templates/Readme.md.ftl")
            + ": not a built-in template (so it overrides nothing) and not listed under `extra` in"
            + " templates.yaml, so it would be ignored. Did you mean to override `README.md.ftl`?",
        temp.resolve("templates/aggregate/State.java.ftl")
            + ": not a built-in template (so it overrides nothing) and not listed under `extra` in"
            + " templates.yaml, so it would be ignored. Did you mean to override"
            + " `src/main/java/aggregate/State.java.ftl`?");
    CliTest.Run run = generate(temp.resolve("out"));
    assertThat(run.err().lines().count()).isEqualTo(3);
  }

  @Test
  void aFailingOutputIsATemplateErrorAtItsPlace() throws IOException {
    write("docs/A.md.ftl", "A\n");
    write(
        "templates.yaml",
        "extra:\n  - template: docs/A.md.ftl\n    each: view\n    output: ${view.nmae}.md\n");
    Path out = temp.resolve("out");

    CliTest.Run run = generate(out);

    assertThat(run.exitCode()).isEqualTo(ExitCode.RENDER);
    assertThat(run.err())
        .contains(
            config()
                + ":4:13: the output of `docs/A.md.ftl` for view `BookAvailability`: The following"
                + " has evaluated to null or missing:\n==> view.nmae");
    assertThat(Files.exists(out)).isFalse();
  }

  /** The generated files' text, less tracepaper's own record of what it wrote. */
  private static Map<String, String> generated(Path folder) throws IOException {
    Map<String, String> files = GenerateCommandTest.contents(folder);
    files.keySet().removeIf(path -> path.startsWith(".tracepaper/"));
    return files;
  }

  /** Each file's SHA-256: byte for byte, without decoding. */
  private static Map<String, String> hashes(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(
            folder.relativize(file).toString().replace('\\', '/'),
            HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
      }
    }
    return files;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
