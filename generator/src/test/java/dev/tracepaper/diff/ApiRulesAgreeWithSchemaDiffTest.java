package dev.tracepaper.diff;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.appsync.AppSyncSchema;
import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.diagnostic.Severity;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.render.TemplateEngine;
import dev.tracepaper.render.build.ProjectDataBuilder;
import dev.tracepaper.validate.Validator;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The API rules compare models (docs/diff-rules.md says why); graphql-java's SchemaDiff compares
 * the schemas generated from them. For every golden case both must agree on whether a client
 * breaks: SchemaDiff finds a breaking change exactly when an API rule (or EnumValueRemoved, which
 * also speaks for clients) gives an error.
 */
class ApiRulesAgreeWithSchemaDiffTest {

  private static final Set<String> API_ERRORS =
      Set.of(
          "MutationRemoved",
          "InputFieldChanged",
          "QueryRemoved",
          "OutputFieldChanged",
          "EnumValueRemoved");

  private static final TemplateEngine ENGINE = TemplateEngine.fromClasspath();

  static Stream<Path> cases() throws Exception {
    return GoldenDiffTest.cases();
  }

  private static ModelIndex load(Path file) {
    return new Validator().run(List.of(file), file.getParent()).index().orElseThrow();
  }

  private static GraphQLSchema schema(ModelIndex index) throws Exception {
    String sdl =
        ENGINE.render("schema.graphql.ftl", Map.of("project", ProjectDataBuilder.build(index)));
    return AppSyncSchema.validate(sdl);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schemaDiffBreaksExactlyWhenAnApiRuleGivesAnError(Path folder) throws Exception {
    ModelIndex old = load(folder.resolve("old.yaml"));
    ModelIndex current = load(folder.resolve("new.yaml"));
    CapturingReporter reporter = new CapturingReporter();
    new SchemaDiff()
        .diffSchema(SchemaDiffSet.diffSetFromIntrospection(schema(old), schema(current)), reporter);
    List<Diagnostic> findings =
        new ModelDiff()
            .compare(new ModelChange(ModelChange.Side.of(old), ModelChange.Side.of(current)));
    List<String> apiErrors =
        findings.stream()
            .filter(d -> d.severity() == Severity.ERROR && API_ERRORS.contains(d.id()))
            .map(Diagnostic::message)
            .toList();
    List<String> breakages = reporter.getBreakages().stream().map(DiffEvent::getReasonMsg).toList();

    assertWithMessage("SchemaDiff's breakages %s, the API rules' errors %s", breakages, apiErrors)
        .that(breakages.isEmpty())
        .isEqualTo(apiErrors.isEmpty());
  }
}
