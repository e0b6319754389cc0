package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.tools.ExternalTool;
import dev.tracepaper.tools.Jdks;
import dev.tracepaper.tools.MavenBuild;
import dev.tracepaper.tools.ProjectTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} with hand-written extension files in the project (docs/extending.md): merged
 * into template.yaml and pom.xml, which then pass cfn-lint and Maven; shown by {@code --dry-run};
 * never written, deleted or recorded; a conflict writes nothing and exits 1 with a located message.
 */
class ExtensionsCommandTest {

  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path temp;

  private static String library() {
    return TestPaths.examples().resolve("library").toString();
  }

  private Path project() {
    return temp.resolve("library");
  }

  private void extension(String name, String content) throws IOException {
    Files.createDirectories(project().resolve("extensions"));
    Files.writeString(project().resolve("extensions").resolve(name), content);
  }

  private CliTest.Run generate(String... options) {
    String[] args =
        Stream.concat(
                Stream.of("generate", library(), "-o", project().toString()), Stream.of(options))
            .toArray(String[]::new);
    return CliTest.run(args);
  }

  private static final String TEMPLATE =
      """
      Resources:
        AuditQueue:
          Type: AWS::SQS::Queue
          Properties:
            SqsManagedSseEnabled: true
      Outputs:
        AuditQueueUrl:
          Value: !Ref AuditQueue
      Functions:
        BookCommandFunction:
          Environment:
            Variables:
              AUDIT_QUEUE_URL: !Ref AuditQueue
          Policies:
            - SQSSendMessagePolicy:
                QueueName: !GetAtt AuditQueue.QueueName
      """;

  private static final String POM =
      """
      <project>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-enforcer-plugin</artifactId>
              <version>3.5.0</version>
              <executions>
                <execution>
                  <id>java-version</id>
                  <goals><goal>enforce</goal></goals>
                  <configuration>
                    <rules><requireJavaVersion><version>[21,)</version></requireJavaVersion></rules>
                  </configuration>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  @Test
  void theMergedTemplatePassesCfnLintAndTheMergedPomRunsItsPlugin() throws Exception {
    extension("template.yaml", TEMPLATE);
    extension("pom.xml", POM);

    CliTest.Run run = generate();

    assertWithMessage(run.out() + run.err()).that(run.exitCode()).isEqualTo(ExitCode.OK);
    // The library's Book has a subdomain: its function is in stacks/Catalog.yaml, which gets the
    // queue's name and URL passed down.
    assertThat(run.out())
        .contains(
            "Merged the extension files: 1 into pom.xml, 4 into stacks/Catalog.yaml,"
                + " 4 into template.yaml.");
    String template = Files.readString(project().resolve("template.yaml"));
    assertThat(template).contains("  AuditQueue:\n    Type: AWS::SQS::Queue\n");
    assertThat(Files.readString(project().resolve("stacks/Catalog.yaml")))
        .contains("          AUDIT_QUEUE_URL: !Ref AuditQueue\n");
    ExternalTool.Result lint =
        ExternalTool.requireOrSkip("cfn-lint", "linting the merged templates")
            .run(project(), "template.yaml", "stacks/Catalog.yaml", "stacks/Lending.yaml");
    assertWithMessage("cfn-lint:\n%s", lint.output()).that(lint.exitCode()).isEqualTo(0);
    Path jdk =
        Jdks.forGeneratedProjects().orElseThrow(() -> new AssertionError(Jdks.missingMessage()));
    MavenBuild.Result validate = MavenBuild.run(project(), jdk, "validate");
    assertWithMessage("./mvnw validate:\n%s", validate.tail())
        .that(validate.exitCode())
        .isEqualTo(0);
    assertThat(validate.output()).contains("enforcer:3.5.0:enforce (java-version)");
  }

  @Test
  void rootNamesThatANestedStacksAdditionsReadArePassedDownAndEveryTemplatePassesCfnLint()
      throws Exception {
    // The clinic's Invoice has a subdomain: its function is in stacks/Billing.yaml, and the
    // fixture's additions for it read the root's ReportsBucket.
    Path project = temp.resolve("clinic");
    Files.createDirectories(project.resolve("extensions"));
    Files.copy(
        TestPaths.root()
            .resolve("generator/src/test/resources/e2e/extensions/clinic/template.yaml"),
        project.resolve("extensions/template.yaml"));

    CliTest.Run run =
        CliTest.run(
            "generate",
            TestPaths.examples().resolve("clinic").toString(),
            "-o",
            project.toString());

    assertWithMessage(run.out() + run.err()).that(run.exitCode()).isEqualTo(ExitCode.OK);
    String billing = Files.readString(project.resolve("stacks/Billing.yaml"));
    assertThat(billing)
        .contains(
            """
              # Passed down from template.yaml for extensions/template.yaml.
              ReportsBucket:
                Type: String
                Description: ReportsBucket of the root stack
              ReportsBucketArn:
                Type: String
                Description: ReportsBucket.Arn of the root stack
            """);
    assertThat(billing).contains("          REPORTS_BUCKET: !Ref ReportsBucket\n");
    assertThat(billing).contains("              Resource: !Sub \"${ReportsBucketArn}/*\"\n");
    assertThat(Files.readString(project.resolve("template.yaml")))
        .contains(
            """
                    # Passed down to stacks/Billing.yaml for extensions/template.yaml.
                    ReportsBucket: !Ref ReportsBucket
                    ReportsBucketArn: !GetAtt ReportsBucket.Arn
            """);
    assertThat(ProjectTemplates.of(project)).hasSize(5);
    ExternalTool.Result lint = ProjectTemplates.lint(project, "linting the merged templates");
    assertWithMessage("cfn-lint:\n%s", lint.output()).that(lint.exitCode()).isEqualTo(0);
  }

  @Test
  void regenerationNeverWritesTheExtensionFilesAndFollowsTheirChanges() throws Exception {
    extension("template.yaml", TEMPLATE);
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    Path file = project().resolve("extensions/template.yaml");
    Files.setLastModifiedTime(file, LONG_AGO);

    CliTest.Run again = generate("--dry-run", "-q");
    assertThat(again.out()).doesNotContainMatch("to (create|update|delete)");
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(file)).isEqualTo(TEMPLATE);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(LONG_AGO);
    assertThat(Files.readString(project().resolve(".tracepaper/manifest.json")))
        .doesNotContain("extensions/");

    extension(
        "template.yaml",
        TEMPLATE + "AllFunctions:\n  Environment:\n    Variables:\n      TZ: UTC\n");
    CliTest.Run changed = generate();
    assertThat(changed.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(changed.out()).contains("3 updated");
    for (String template : List.of("template.yaml", "stacks/Catalog.yaml", "stacks/Lending.yaml")) {
      assertThat(Files.readString(project().resolve(template))).contains("      TZ: UTC\n");
    }

    Files.delete(file);
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    Map<String, String> merged = GenerateCommandTest.contents(project());
    Path plain = temp.resolve("plain");
    assertThat(CliTest.run("generate", library(), "-o", plain.toString()).exitCode()).isEqualTo(0);
    assertThat(merged.get("template.yaml"))
        .isEqualTo(GenerateCommandTest.contents(plain).get("template.yaml"));
  }

  @Test
  void dryRunListsWhatEachExtensionAddsAndWhere() throws Exception {
    extension("template.yaml", TEMPLATE);

    CliTest.Run run = generate("--dry-run");

    String file = project().resolve("extensions/template.yaml").toString();
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains(
            "Merged from the extension files (see docs/extending.md):\n"
                + "  template.yaml        + Resources: AuditQueue  ("
                + file
                + ":2:3)\n"
                + "  template.yaml        + Outputs: AuditQueueUrl  ("
                + file
                + ":7:3)\n"
                + "  stacks/Catalog.yaml  + BookCommandFunction: environment variable"
                + " AUDIT_QUEUE_URL  ("
                + file
                + ":13:9)\n"
                + "  stacks/Catalog.yaml  + BookCommandFunction: policy  ("
                + file
                + ":15:7)\n"
                + "  stacks/Catalog.yaml  + Parameters: AuditQueue (passed down from"
                + " template.yaml)  ("
                + file
                + ":13:26)\n"
                + "  template.yaml        + parameter AuditQueue passed to stacks/Catalog.yaml  ("
                + file
                + ":13:26)\n"
                + "  stacks/Catalog.yaml  + Parameters: AuditQueueQueueName (passed down from"
                + " template.yaml)  ("
                + file
                + ":16:22)\n"
                + "  template.yaml        + parameter AuditQueueQueueName passed to"
                + " stacks/Catalog.yaml  ("
                + file
                + ":16:22)\n");
    assertThat(Files.exists(project().resolve("template.yaml"))).isFalse();
  }

  @Test
  void anExtensionFileIsReadAsStrictlyAsAModelFile() throws Exception {
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    Path file = project().resolve("extensions/template.yaml");
    Files.createDirectories(file.getParent());
    // `é` as one Latin-1 byte: no UTF-8.
    Files.write(file, "Resources:\n  Queue\u00e9:\n".getBytes(StandardCharsets.ISO_8859_1));

    CliTest.Run run = generate();

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out())
        .startsWith(
            file
                + ":2:8: error[ExtensionEncoding]: The file is not valid UTF-8: byte 0xE9 at"
                + " offset 18 cannot be read.\n");
    // A byte-order mark is dropped, as from a model file.
    Files.writeString(file, "\uFEFF" + TEMPLATE, StandardCharsets.UTF_8);
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(project().resolve("template.yaml"))).contains("  AuditQueue:\n");
  }

  @Test
  void aConflictWritesNothingAndExitsOneWithTheLocatedMessage() throws Exception {
    assertThat(generate().exitCode()).isEqualTo(ExitCode.OK);
    Map<String, String> before = GenerateCommandTest.contents(project());
    extension(
        "template.yaml",
        "Functions:\n  BookCommandFunction:\n    Environment:\n      Variables:\n"
            + "        EVENT_STORE_TABLE: mine\n");

    CliTest.Run run = generate();

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out())
        .isEqualTo(
            project().resolve("extensions/template.yaml")
                + ":5:9: error[ExtensionConflict]: The generator sets the environment variable"
                + " `EVENT_STORE_TABLE` of function `BookCommandFunction`; an extension adds"
                + " variables and never replaces one.\n"
                + " 5 |         EVENT_STORE_TABLE: mine\n"
                + "   |         ^\n"
                + " = hint: give the variable a name of its own\n"
                + "\n"
                + "Nothing was generated: the extension files have 1 error; fix it first (see"
                + " docs/extending.md).\n");
    Map<String, String> after = GenerateCommandTest.contents(project());
    before.remove("extensions/template.yaml");
    after.remove("extensions/template.yaml");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void theFirstGenerationStartsCommentedFilesWhoseExampleMergesAndThatAreNeverWrittenAgain()
      throws Exception {
    CliTest.Run first = generate();

    assertThat(first.out())
        .contains(
            "create extensions/template.yaml: a starter for your additions"
                + " (docs/extending.md); yours\n");
    Path template = project().resolve("extensions/template.yaml");
    String starter = Files.readString(template);
    assertThat(starter).contains("# The generated functions:\n#   BookCommandFunction\n");
    String generated = Files.readString(project().resolve("template.yaml"));

    // Its example, uncommented, merges and lints.
    StringBuilder uncommented = new StringBuilder();
    boolean example = false;
    for (String line : starter.lines().toList()) {
      example =
          (example || line.startsWith("# Parameters:")) && !line.startsWith("# The generated");
      uncommented.append(example ? line.substring(Math.min(2, line.length())) : line).append('\n');
    }
    Files.writeString(template, uncommented);
    CliTest.Run merged = generate();
    assertWithMessage(merged.out()).that(merged.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(project().resolve("template.yaml"))).isNotEqualTo(generated);
    // BookCommandFunction is in stacks/Catalog.yaml: the example's bucket is passed down to it.
    ExternalTool.Result lint =
        ExternalTool.requireOrSkip("cfn-lint", "linting the merged templates")
            .run(project(), "template.yaml", "stacks/Catalog.yaml", "stacks/Lending.yaml");
    assertWithMessage("cfn-lint:\n%s", lint.output()).that(lint.exitCode()).isEqualTo(0);

    Files.delete(template);
    Files.delete(project().resolve("extensions/pom.xml"));
    CliTest.Run later = generate();
    assertThat(later.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.exists(template)).isFalse();
    assertThat(Files.exists(project().resolve("extensions/pom.xml"))).isFalse();
    assertThat(Files.readString(project().resolve("template.yaml"))).isEqualTo(generated);
  }
}
