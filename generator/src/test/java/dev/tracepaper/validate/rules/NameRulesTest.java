package dev.tracepaper.validate.rules;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.validate.Rule;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the name rules must leave alone; the golden cases show what they report. */
class NameRulesTest {

  private static final String APP =
      """
      tracepaper: 1
      app:
        name: legal
        package: com.example.legal
        auth: {default: authenticated, roles: [clerk]}
      """;

  private static final String CASE_AGGREGATE =
      """
      aggregates:
        Case:
          key: caseId
          fields: {caseId: String}
          events:
            CaseOpened:
              fields: {caseId: String}
          commands:
            OpenCase:
              creates: true
              fields: {caseId: String}
              emits: [CaseOpened]
              tests:
                - name: opens a case
                  when: {caseId: c1}
                  then:
                    events: [{CaseOpened: {caseId: c1}}]
      """;

  private static final List<Rule> NAME_RULES = ReferenceRules.names();

  @TempDir Path folder;

  @Test
  void anAggregateMayBeNamedLikeAJavaKeywordAndShareItsNameWithAView() throws IOException {
    String views =
        """
        views:
          Case:
            fields: {caseId: String}
            from: Case
        """;
    assertThat(nameDiagnostics(write("model.yaml", APP + CASE_AGGREGATE + views))).isEmpty();
  }

  @Test
  void aSecondDefinitionIsReportedOnceAndNothingInsideIt() throws IOException {
    write("a.yaml", APP + CASE_AGGREGATE);
    write("b.yaml", "tracepaper: 1\n" + CASE_AGGREGATE);
    List<Diagnostic> found = nameDiagnostics(folder);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).id()).isEqualTo("DuplicateName");
    assertThat(found.get(0).location().file()).isEqualTo("b.yaml");
    assertThat(found.get(0).message()).contains("a.yaml:7:3");
    assertThat(found.get(0).related()).hasSize(1);
  }

  @Test
  void aRoleIsACognitoGroupNameAndMayHoldAColon() throws IOException {
    String app =
        APP.replace(
                "roles: [clerk]",
                "roles: [clerk, 'D3308175807:personal-developer', \"rédaction/chef's\"]")
            .replace("default: authenticated", "default: 'role:D3308175807:personal-developer'");

    ValidationReport report =
        new Validator().validate(List.of(write("model.yaml", app + CASE_AGGREGATE)), folder);

    assertThat(report.diagnostics()).isEmpty();
  }

  @Test
  void aRoleWithABlankIsRefusedWithCognitosRule() throws IOException {
    String app = APP.replace("roles: [clerk]", "roles: ['head clerk']");

    List<Diagnostic> found = nameDiagnostics(write("model.yaml", app + CASE_AGGREGATE));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).id()).isEqualTo("InvalidName");
    assertThat(found.get(0).message()).contains("it contains a space");
    assertThat(found.get(0).message()).contains("is not a Cognito group name");
    assertThat(found.get(0).hint()).contains("`head-clerk`");
  }

  @Test
  void theUnknownRoleHintIsValidYamlForAnyGroupName() throws IOException {
    String app =
        APP.replace(
            "auth: {default: authenticated, roles: [clerk]}", "auth: {default: 'role:a:b,c'}");

    List<Diagnostic> found = nameDiagnostics(write("model.yaml", app + CASE_AGGREGATE));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).id()).isEqualTo("UnknownRole");
    assertThat(found.get(0).hint()).contains("`roles: ['a:b,c']`");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(folder.resolve(name), text);
  }

  private List<Diagnostic> nameDiagnostics(Path model) {
    ValidationReport report = new Validator(ReferenceRules.all()).validate(List.of(model), folder);
    return report.diagnostics();
  }
}
