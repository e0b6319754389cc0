package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.TestPaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code tracepaper test}: its formats, exit codes and what it does with an invalid model. */
class TestCommandTest {

  @TempDir Path temp;

  private static String example(String name) {
    return TestPaths.examples().resolve(name).toString();
  }

  /** The library with the expected state of its first LendBook test wrong. */
  private Path failingLibrary() throws IOException {
    return library("state: {available: 0}", "state: {available: 7}");
  }

  /** A copy of the library whose model files have {@code text} replaced by {@code replacement}. */
  private Path library(String text, String replacement) throws IOException {
    Path folder = temp.resolve("library");
    Files.createDirectories(folder);
    try (var files = Files.list(TestPaths.examples().resolve("library"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = folder.resolve(file.getFileName().toString());
        if (file.toString().endsWith(".yaml")) {
          Files.writeString(copy, Files.readString(file).replace(text, replacement));
        } else {
          Files.copy(file, copy); // a template of its automations
        }
      }
    }
    return folder;
  }

  @Test
  void passingTestsExitZeroWithASummary() {
    CliTest.Run run = CliTest.run("test", example("library"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("PASS    ");
    assertThat(run.out()).contains("command `LendBook`, test \"lends an available copy\"");
    assertThat(run.out()).containsMatch("19 tests: 19 passed, 0 failed, 0 not run");
  }

  @Test
  void testsOfHandWrittenCodeAreNotRunAndNotCountedAsPassed() {
    CliTest.Run run = CliTest.run("test", example("clinic"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("NOT RUN");
    assertThat(run.out()).contains("not run: hand-written code (custom: true) takes part");
    assertThat(run.out()).containsMatch("33 tests: 29 passed, 0 failed, 4 not run");
  }

  @Test
  void scenariosRunAsTests() {
    CliTest.Run run = CliTest.run("test", example("tracepaper-studio"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).containsMatch("PASS +\\S+scenarios\\.yaml:\\d+:\\d+: scenario \"");
    assertThat(run.out()).doesNotContain("not run by tracepaper test");
  }

  @Test
  void aFailedTestExitsOneAndShowsWhereAndWhat() throws IOException {
    CliTest.Run run = CliTest.run("test", "-q", failingLibrary().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
    assertThat(run.out()).contains("FAIL    ");
    assertThat(run.out())
        .contains("catalog.yaml:82:13: command `LendBook`, test \"lends an available copy\"");
    assertThat(run.out()).contains("catalog.yaml:88:23: the state: `available`");
    assertThat(run.out()).contains("expected: 7");
    assertThat(run.out()).contains("actual:   0");
    assertThat(run.out()).doesNotContain("PASS");
    assertThat(run.out()).doesNotContain(".java");
  }

  @Test
  void aValueOfSeveralLinesKeepsItsLinesUnderTheFirst() throws IOException {
    CliTest.Run run =
        CliTest.run(
            "test", "-q", library("<p>Dear Ada O&#39;Hara,</p>", "<p>Dear Ada,</p>").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
    assertThat(run.out())
        .contains(
            "          expected: <p>Dear Ada,</p>\n"
                + "                    <p>Welcome to the library. We will send post to Main 1,"
                + " 2611AB Delft.</p>\n"
                + "          actual:   <p>Dear Ada O&#39;Hara,</p>\n"
                + "                    <p>Welcome to the library.");
  }

  @Test
  void anInvalidModelIsReportedAsValidateDoesAndNoTestRuns() throws IOException {
    Path model = temp.resolve("app.yaml");
    Files.writeString(
        model,
        """
        tracepaper: 1
        aggregates:
          Book:
            key: isbn
            fields: {isbn: String}
            commands:
              Register:
                creates: true
                fields: {isbn: String}
                emits: [Nothing]
        """);

    CliTest.Run run = CliTest.run("test", model.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_MODEL);
    assertThat(run.out()).contains("error");
    assertThat(run.out()).contains("No test was run");
  }

  @Test
  void aMissingModelIsAUsageError() {
    CliTest.Run run = CliTest.run("test", temp.resolve("nowhere").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void jsonNamesEachTestWithItsPlaceStatusAndDifferences() throws IOException {
    CliTest.Run run = CliTest.run("test", "--format", "json", failingLibrary().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
    JsonNode root = new JsonMapper().readTree(run.out());
    assertThat(root.get("passed").asBoolean()).isFalse();
    assertThat(root.get("counts").get("tests").asInt()).isEqualTo(19);
    assertThat(root.get("counts").get("failed").asInt()).isEqualTo(1);
    assertThat(root.get("counts").get("passed").asInt()).isEqualTo(18);
    JsonNode failed = null;
    for (JsonNode test : root.get("tests")) {
      if (test.get("status").asString().equals("failed")) {
        failed = test;
      }
    }
    assertThat(failed.get("name").asString()).isEqualTo("lends an available copy");
    assertThat(failed.get("element").asString()).isEqualTo("command `LendBook`");
    assertThat(failed.get("file").asString()).endsWith("catalog.yaml");
    assertThat(failed.get("line").asInt()).isEqualTo(82);
    JsonNode mismatch = failed.get("mismatches").get(0);
    assertThat(mismatch.get("subject").asString()).isEqualTo("the state: `available`");
    assertThat(mismatch.get("expected").asString()).isEqualTo("7");
    assertThat(mismatch.get("actual").asString()).isEqualTo("0");
    assertThat(mismatch.get("line").asInt()).isEqualTo(88);
  }

  @Test
  void junitXmlHasASuitePerElementWithFailuresAndSkippedTests() throws Exception {
    CliTest.Run run = CliTest.run("test", "--format", "junit", failingLibrary().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.TESTS_FAILED);
    Document xml = parse(run.out());
    Element root = xml.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("19");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    NodeList failures = xml.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element testcase = (Element) failures.item(0).getParentNode();
    assertThat(testcase.getAttribute("name")).isEqualTo("lends an available copy");
    assertThat(testcase.getAttribute("classname")).isEqualTo("command `LendBook`");
    assertThat(testcase.getAttribute("line")).isEqualTo("82");
    assertThat(((Element) failures.item(0)).getAttribute("message"))
        .isEqualTo("the state: `available`: expected 7, actual 0");
    Element suite = (Element) testcase.getParentNode();
    assertThat(suite.getAttribute("name")).isEqualTo("command `LendBook`");
  }

  @Test
  void junitMarksTestsOfHandWrittenCodeSkipped() throws Exception {
    Path report = temp.resolve("reports/tracepaper.xml");

    CliTest.Run run =
        CliTest.run("test", "--format", "junit", "--output", report.toString(), example("clinic"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).containsMatch("33 tests: 29 passed, 0 failed, 4 not run");
    Document xml = parse(Files.readString(report));
    assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("4");
    assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(4);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(33);
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
