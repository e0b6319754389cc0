package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user and CI meet it: output, error output and exit codes. */
class CliTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path temp;

  /** What one run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private static String library() {
    return TestPaths.examples().resolve("library").toString();
  }

  private Path write(String name, String yaml) throws IOException {
    Path file = temp.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private Path invalidModel() throws IOException {
    return write(
        "broken.yaml",
        """
        tracepaper: 1
        app:
          name: shop
          package: com.example.shop
        aggregates:
          Order:
            key: orderId
            feilds: {orderId: String}
        """);
  }

  private Path modelWithOnlyAWarning() throws IOException {
    return write(
        "warned.yaml",
        """
        tracepaper: 1
        app:
          name: shop
          package: com.example.shop
        aggregates:
          Order:
            key: orderId
            fields: {orderId: String, total: Int}
            events:
              OrderPlaced:
                fields: {orderId: String, total: Int}
            commands:
              PlaceOrder:
                creates: true
                fields: {orderId: String, total: {type: Int, min: 0}}
                emits: [OrderPlaced]
        """);
  }

  @Test
  void aValidModelExitsZeroWithASummary() {
    Run run = run("validate", library());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("The model is valid");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anInvalidModelExitsOneWithALocatedCodeFrame() throws IOException {
    Run run = run("validate", invalidModel().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("broken.yaml:8:5: error[UnknownKey]:");
    assertThat(run.out()).contains(" 8 |     feilds: {orderId: String}\n   |     ^\n");
    assertThat(run.out()).contains("hint: did you mean `fields`?");
    assertThat(run.out()).contains("The model is not valid: 1 error");
  }

  @Test
  void jsonOutputCarriesEveryField() throws IOException {
    Run run = run("validate", "--format", "json", invalidModel().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("valid").asBoolean()).isFalse();
    assertThat(root.get("summary").get("errors").asInt()).isEqualTo(1);
    JsonNode d = root.get("diagnostics").get(0);
    assertThat(d.get("id").asString()).isEqualTo("UnknownKey");
    assertThat(d.get("severity").asString()).isEqualTo("ERROR");
    assertThat(d.get("file").asString()).endsWith("broken.yaml");
    assertThat(d.get("line").asInt()).isEqualTo(8);
    assertThat(d.get("column").asInt()).isEqualTo(5);
    assertThat(d.get("hint").asString()).isEqualTo("did you mean `fields`?");
  }

  @Test
  void sarifOutputIsSarif210WithLocatedResults() throws IOException {
    Run run = run("validate", "--format", "sarif", invalidModel().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("version").asString()).isEqualTo("2.1.0");
    JsonNode sarifRun = root.get("runs").get(0);
    assertThat(sarifRun.get("tool").get("driver").get("name").asString()).isEqualTo("tracepaper");
    assertThat(sarifRun.get("tool").get("driver").get("rules").get(0).get("id").asString())
        .isEqualTo("UnknownKey");
    JsonNode result = sarifRun.get("results").get(0);
    assertThat(result.get("ruleId").asString()).isEqualTo("UnknownKey");
    assertThat(result.get("ruleIndex").asInt()).isEqualTo(0);
    assertThat(result.get("level").asString()).isEqualTo("error");
    JsonNode physical = result.get("locations").get(0).get("physicalLocation");
    assertThat(physical.get("artifactLocation").get("uri").asString()).endsWith("broken.yaml");
    assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(8);
    assertThat(physical.get("region").get("startColumn").asInt()).isEqualTo(5);
  }

  @Test
  void warningsFailOnlyWhenAskedTo() throws IOException {
    String model = modelWithOnlyAWarning().toString();

    Run lenient = run("validate", model);
    Run strict = run("validate", "--fail-on", "warning", model);

    assertThat(lenient.out()).contains("warning[MissingTest]");
    assertThat(lenient.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(strict.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
  }

  @Test
  void theSummaryOfEveryFormatAgreesWithTheExitCodeUnderFailOnWarning() throws IOException {
    String model = modelWithOnlyAWarning().toString();

    Run text = run("validate", "--fail-on", "warning", model);
    Run json = run("validate", "--fail-on", "warning", "--format", "json", model);
    Run sarif = run("validate", "--fail-on", "warning", "--format", "sarif", model);
    Run lenientJson = run("validate", "--format", "json", model);

    assertThat(text.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(text.out()).doesNotContain("The model is valid");
    assertThat(text.out())
        .contains(
            "The model is not valid: 0 errors, 1 warning, 0 notes in 1 file; --fail-on warning"
                + " makes the warning fail the run.");
    assertThat(json.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(JSON.readTree(json.out()).get("valid").asBoolean()).isFalse();
    assertThat(JSON.readTree(json.out()).get("failOn").asString()).isEqualTo("warning");
    assertThat(lenientJson.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(JSON.readTree(lenientJson.out()).get("valid").asBoolean()).isTrue();
    JsonNode invocation = JSON.readTree(sarif.out()).get("runs").get(0).get("invocations").get(0);
    assertThat(sarif.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(invocation.get("exitCode").asInt()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(invocation.get("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.get("exitCodeDescription").asString())
        .startsWith("The model is not valid");
  }

  @Test
  void aFolderModelReadsYmlFilesBesideYamlFiles() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("shop"));
    Files.writeString(
        folder.resolve("model.yaml"),
        """
        tracepaper: 1
        app:
          name: shop
          package: com.example.shop
        """);
    Files.writeString(
        folder.resolve("views.yml"),
        """
        tracepaper: 1
        views:
          OrderTotals:
            from: Oder
            key: orderId
            fields: {orderId: String}
        """);

    Run run = run("validate", folder.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("views.yml:4:11: error[UnknownAggregate]");
    assertThat(run.out()).contains("in 2 files.");
  }

  @Test
  void quietPrintsOnlyWhatFails() throws IOException {
    Run valid = run("validate", "--quiet", library());
    Run warned = run("validate", "-q", modelWithOnlyAWarning().toString());
    Run invalid = run("validate", "-q", invalidModel().toString());

    assertThat(valid.out()).isEmpty();
    assertThat(warned.out()).isEmpty();
    assertThat(invalid.out()).contains("error[UnknownKey]");
    assertThat(invalid.out()).doesNotContain("The model is not valid");
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTrace() {
    for (String[] args :
        new String[][] {
          {},
          {"validate"},
          {"validate", "--format", "xml", library()},
          {"valdate", library()},
          {"validate", "--no-such-option", library()},
          {"validate", "no/such/model.yaml"}
        }) {
      Run run = run(args);
      assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
      assertThat(run.err()).contains("tracepaper");
      assertThat(run.err()).doesNotContain("\tat ");
    }
  }

  @Test
  void suggestsTheCommandMeant() {
    assertThat(run("valdate").err()).contains("validate");
  }

  @Test
  void versionAndHelpExitZero() {
    Run version = run("--version");
    Run help = run("--help");
    Run validateHelp = run("validate", "--help");

    assertThat(version.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(version.out()).startsWith("tracepaper ");
    assertThat(help.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).contains("Exit codes:");
    assertThat(validateHelp.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(validateHelp.out()).contains("--fail-on");
    assertThat(validateHelp.out()).contains("1   the model is invalid");
  }

  @Test
  void generatesAShellCompletionScript() {
    Run run = run("generate-completion");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("complete -F");
    assertThat(run.out()).contains("validate");
  }

  /** A command that fails the way a bug would. */
  @CommandLine.Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("kaput");
    }
  }

  private static Run runWithBoom(boolean stacktrace) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine(new PrintWriter(out), new PrintWriter(err), stacktrace);
    cli.addSubcommand("boom", new Boom());
    int code = cli.execute("boom");
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anInternalErrorExitsFourWithOneLineUnlessAskedForTheTrace() {
    Run plain = runWithBoom(false);
    Run traced = runWithBoom(true);

    assertThat(plain.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(plain.err()).contains("internal error: java.lang.IllegalStateException: kaput");
    assertThat(plain.err()).contains("-x");
    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(traced.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(traced.err()).contains("\tat ");
  }

  /**
   * A run adds only the subcommand it names; its help, and the top-level help, read as they do with
   * every subcommand added.
   */
  @Test
  void aRunAddsOnlyItsCommandAndEveryHelpReadsAsWithAllOfThem() {
    for (Class<?> command : TracepaperCommand.OWN_SUBCOMMANDS) {
      String name = command.getAnnotation(CommandLine.Command.class).name();
      assertThat(Main.subcommandsFor(new String[] {"-x", name, "--help"})).containsExactly(command);
      StringWriter all = new StringWriter();
      Main.commandLine(new PrintWriter(all), new PrintWriter(all), false).execute(name, "--help");
      assertThat(run(name, "--help").out()).isEqualTo(all.toString());
    }
    for (String[] args :
        new String[][] {
          {}, {"--help"}, {"help", "generate"}, {"generat"}, {"generate-completion"}
        }) {
      assertThat(Main.subcommandsFor(args)).isEqualTo(TracepaperCommand.SUBCOMMANDS);
    }
    assertThat(run("generat").err()).contains("Did you mean: tracepaper generate");
  }
}
