package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code tracepaper diff} and {@code validate --baseline}: output and exit codes. */
class DiffCommandTest {

  private static final JsonMapper JSON = new JsonMapper();

  @TempDir Path temp;

  private static Path golden(String name, String side) {
    return TestPaths.root()
        .resolve("generator/src/test/resources/diff")
        .resolve(name)
        .resolve(side + ".yaml");
  }

  private static CliTest.Run diff(String name, String... options) {
    List<String> args = new ArrayList<>(List.of("diff"));
    args.addAll(List.of(options));
    args.add(golden(name, "old").toString());
    args.add(golden(name, "new").toString());
    return CliTest.run(args.toArray(String[]::new));
  }

  @Test
  void aBreakingChangeExitsOneAndNamesTheElement() {
    CliTest.Run run = diff("event-field-type-changed");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out())
        .contains("error[EventFieldsChanged]: Order.OrderPlaced.total: Int → Float");
    assertThat(run.out()).contains(" 20 |         fields: {orderId: String, total: Float}");
    assertThat(run.out()).contains("fails --fail-on error: 1 error, 0 warnings, 0 notes.");
  }

  @Test
  void theSameChangeWithAnUpcastExitsZeroAndShowsItsNoteOnlyWhenVerbose() {
    CliTest.Run quietRun = diff("event-field-type-upcast");
    CliTest.Run verbose = diff("event-field-type-upcast", "--verbose");

    assertThat(quietRun.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(quietRun.out()).doesNotContain("EventUpcast");
    assertThat(quietRun.out()).contains("(--verbose shows the notes: the compatible changes)");
    assertThat(verbose.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(verbose.out()).contains("note[EventUpcast]: Order.OrderPlaced version 1 → 2");
  }

  @Test
  void failOnSetsTheSeverityThatFails() {
    assertThat(diff("authorization-widened").exitCode()).isEqualTo(ExitCode.OK);
    assertThat(diff("authorization-widened", "--fail-on", "warning").exitCode())
        .isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(diff("view-added", "--fail-on", "warning").exitCode()).isEqualTo(ExitCode.OK);
    assertThat(diff("view-added", "--fail-on", "note").exitCode())
        .isEqualTo(ExitCode.INVALID_MODEL);
  }

  @Test
  void jsonListsEveryFindingNotesIncluded() {
    CliTest.Run run = diff("event-renamed", "--format", "json");

    JsonNode root = JSON.readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(root.get("valid").asBoolean()).isTrue();
    assertThat(root.get("diagnostics").get(0).get("id").asString()).isEqualTo("EventRenamed");
    assertThat(root.get("diagnostics").get(0).get("severity").asString()).isEqualTo("NOTE");
  }

  @Test
  void sarifLinksTheDiffCatalogue() {
    CliTest.Run run = diff("event-removed", "--format", "sarif");

    JsonNode rules =
        JSON.readTree(run.out()).get("runs").get(0).get("tool").get("driver").get("rules");
    List<String> uris = new ArrayList<>();
    rules.forEach(r -> uris.add(r.get("helpUri").asString()));
    assertThat(uris).contains("docs/diff-rules.md#eventremoved");
    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
  }

  @Test
  void anInvalidBaselineIsReportedInItsOwnFileAndNothingIsCompared() throws IOException {
    Path broken = temp.resolve("old.yaml");
    Files.writeString(broken, "tracepaper: 1\naggregates:\n  Order:\n    feilds: {}\n");

    CliTest.Run run =
        CliTest.run("diff", broken.toString(), golden("event-removed", "new").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("old.yaml:4:5: error[UnknownKey]");
    assertThat(run.out()).contains("Nothing was compared: fix the errors of the baseline ");
  }

  @Test
  void anInvalidModelIsReportedAndNothingIsCompared() throws IOException {
    Path broken = temp.resolve("new.yaml");
    Files.writeString(broken, "tracepaper: 1\naggregates:\n  Order:\n    feilds: {}\n");

    CliTest.Run run =
        CliTest.run("diff", golden("event-removed", "old").toString(), broken.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("new.yaml:4:5: error[UnknownKey]");
    assertThat(run.out()).contains("Nothing was compared: fix the errors of the model first.");
    assertThat(run.out()).doesNotContain("EventRemoved");
  }

  @Test
  void missingPathsAreUsageErrors() {
    CliTest.Run noNew = CliTest.run("diff", golden("event-removed", "old").toString(), "nope.yaml");
    CliTest.Run noOld = CliTest.run("diff", "nope.yaml", golden("event-removed", "new").toString());
    CliTest.Run noArguments = CliTest.run("diff");

    assertThat(noNew.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noNew.err()).contains("nope.yaml does not exist.");
    assertThat(noOld.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noOld.err()).contains("the baseline nope.yaml does not exist.");
    assertThat(noArguments.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void validateWithABaselineReportsTheFindingsToo() {
    CliTest.Run breaking =
        CliTest.run(
            "validate",
            "--baseline",
            golden("mutation-removed", "old").toString(),
            golden("mutation-removed", "new").toString());
    CliTest.Run compatible =
        CliTest.run(
            "validate",
            "--baseline",
            golden("mutation-added", "old").toString(),
            golden("mutation-added", "new").toString());

    assertThat(breaking.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(breaking.out())
        .contains("error[MutationRemoved]: command Order.FlagOrder was removed");
    assertThat(compatible.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(compatible.out()).contains("note[ElementAdded]: command Order.FlagOrder is new");
  }

  // git:REF

  private void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("git", "-C", dir.toString(), "-c", "user.name=t", "-c", "user.email=t@t"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertWithMessage("%s: %s", String.join(" ", command), output).that(p.exitValue()).isEqualTo(0);
  }

  /** A repository whose last commit has the old model in model/, changed in the work tree. */
  private Path repository(String name) throws IOException, InterruptedException {
    Path repo = temp.resolve("repo");
    Path model = repo.resolve("model");
    Files.createDirectories(model);
    Files.copy(golden(name, "old"), model.resolve("shop.yaml"));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "v1");
    Files.copy(
        golden(name, "new"),
        model.resolve("shop.yaml"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return repo;
  }

  @Test
  void gitRefReadsTheSamePathsAtARevisionAndNamesThem() throws Exception {
    Path repo = repository("event-removed");

    CliTest.Run run = CliTest.run("diff", "git:HEAD", repo.resolve("model").toString());
    CliTest.Run same = CliTest.run("diff", "git:HEAD", repo.resolve("model/shop.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out())
        .contains(
            "HEAD:model/shop.yaml:27:7: error[EventRemoved]: event Order.OrderFlagged was removed");
    assertThat(run.out()).contains(" 27 |       OrderFlagged:");
    assertThat(same.out()).isEqualTo(run.out());
  }

  @Test
  void aBaselineThatDoesNotValidateAtTheRevisionIsNamedAtIt() throws Exception {
    Path repo = repository("event-removed");
    Path model = repo.resolve("model/shop.yaml");
    Files.writeString(model, "tracepaper: 1\naggregates:\n  Order:\n    feilds: {}\n");
    git(repo, "commit", "-q", "-am", "broken");
    Files.copy(
        golden("event-removed", "new"), model, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    CliTest.Run run = CliTest.run("diff", "git:HEAD", repo.resolve("model").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("HEAD:model/shop.yaml:4:5: error[UnknownKey]");
    assertThat(run.out()).contains(" 4 |     feilds: {}");
    assertThat(run.out()).contains("Nothing was compared: fix the errors of the baseline git:HEAD");
  }

  @Test
  void gitRefReadsTheStoredBytesWhateverTheAttributesSay() throws Exception {
    Path repo = repository("event-removed");
    // git archive would leave these files out: the baseline is what the commit stores.
    Files.writeString(repo.resolve(".gitattributes"), "*.yaml export-ignore\n");
    git(repo, "add", ".gitattributes");
    git(repo, "commit", "-q", "-m", "attributes");

    CliTest.Run run = CliTest.run("diff", "git:HEAD", repo.resolve("model").toString());

    assertThat(run.out()).contains("HEAD:model/shop.yaml:27:7: error[EventRemoved]");
  }

  @Test
  void gitRefProblemsAreUsageErrors() throws Exception {
    Path repo = repository("event-removed");
    Path outside = temp.resolve("outside");
    Files.createDirectories(outside);
    Files.copy(golden("event-removed", "new"), outside.resolve("shop.yaml"));
    Path added = repo.resolve("added.yaml");
    Files.copy(golden("event-removed", "new"), added);

    CliTest.Run notARepo = CliTest.run("diff", "git:HEAD", outside.toString());
    CliTest.Run unknownRef =
        CliTest.run("diff", "git:nosuchbranch", repo.resolve("model").toString());
    CliTest.Run absent = CliTest.run("diff", "git:HEAD", added.toString());
    Path written = temp.resolve("written.zip");
    CliTest.Run option =
        CliTest.run("diff", "git:--output=" + written, repo.resolve("model").toString());

    assertThat(notARepo.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(notARepo.err()).contains("is not in a git repository");
    assertThat(unknownRef.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknownRef.err()).contains("git:nosuchbranch: no such revision");
    assertThat(absent.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(absent.err()).contains("git:HEAD has no added.yaml");
    assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(option.err()).contains("is not a revision.");
    assertThat(Files.exists(written)).isFalse();
  }

  @Test
  void validateAcceptsAGitBaseline() throws Exception {
    Path repo = repository("event-renamed");

    CliTest.Run run =
        CliTest.run("validate", "--baseline", "git:HEAD", repo.resolve("model").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("note[EventRenamed]");
  }
}
